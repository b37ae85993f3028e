import { InboxOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Drawer, Flex, Radio, Spin, Steps, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../../shared/errors.ts';
import { useIsPhone } from '../../../shared/useIsPhone.ts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import {
  type TImport,
  type TImportEntity,
  type TImportMapping,
  type TImportMode,
  type TImportPreview,
  usePreview,
  useRefreshImports,
  useStartImport,
} from '../imports.api.ts';
import { useImportLabels } from '../labels.ts';
import {
  cleanMapping,
  entitiesFor,
  fileFormat,
  IMPORT_MODES,
  missingRequired,
  offersCreateMissingCustomers,
  realRunMode,
} from '../mapping.ts';
import { ImportRun } from './ImportRun.tsx';
import { MappingEditor } from './MappingEditor.tsx';

type RealMode = Exclude<TImportMode, 'dry-run'>;

/** 新建导入: a drawer with the four steps — file, mapping, options, run. Closing it forgets everything but the import. */
export function ImportWizard({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  return (
    <Drawer open={open} onClose={onClose} title={t('imports.create')} size={isPhone ? '100%' : 1080} destroyOnHidden>
      {open && <Wizard onClose={onClose} />}
    </Drawer>
  );
}

function Wizard({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const showError = useShowError();
  const user = useCurrentUser();
  const entities = entitiesFor(user.role);
  const previewFile = usePreview();
  const start = useStartImport();
  const refreshList = useRefreshImports();

  const [step, setStep] = useState(0);
  const [entity, setEntity] = useState<TImportEntity>(entities[0] ?? 'customers');
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<TImportPreview | null>(null);
  const [mapping, setMapping] = useState<TImportMapping>({});
  const [showMissing, setShowMissing] = useState(false);
  const [mode, setMode] = useState<TImportMode>('dry-run');
  const [createMissingCustomers, setCreateMissingCustomers] = useState(false);
  const [runId, setRunId] = useState<string | null>(null);
  const [ended, setEnded] = useState<TImport['status'] | null>(null);
  const labels = useImportLabels(entity);

  /** A new entity or file needs a new preview (other fields, other columns). */
  const resetPreview = () => {
    setPreview(null);
    setMapping({});
    setShowMissing(false);
  };

  const toMapping = () => {
    if (!file) {
      void message.error(t('imports.source.chooseFile'));
      return;
    }
    if (preview) {
      setStep(1);
      return;
    }
    previewFile.mutate(
      { entity, file },
      {
        onSuccess: (result) => {
          if (result.columns.length === 0) {
            void message.error(t('imports.source.emptyFile'));
            return;
          }
          setPreview(result);
          setMapping(result.mapping);
          setStep(1);
        },
        onError: (error) => showError(error),
      },
    );
  };

  const toOptions = () => {
    if (!preview) return;
    const missing = missingRequired(preview.fields, mapping);
    if (missing.length > 0) {
      setShowMissing(true);
      void message.error(
        t('imports.mapping.missing', { fields: missing.map((f) => labels.fieldLabel(f.key)).join(t('common.listSeparator')) }),
      );
      return;
    }
    setStep(2);
  };

  const run = (runMode: TImportMode) => {
    if (!file) return;
    start.mutate(
      { entity, mode: runMode, mapping, options: { createMissingCustomers }, file },
      {
        onSuccess: ({ id }) => {
          setMode(runMode);
          setRunId(id);
          setEnded(null);
          setStep(3);
          void message.success(t('imports.run.started'));
        },
        onError: (error) => showError(error),
      },
    );
  };

  const startOver = () => {
    setStep(0);
    setFile(null);
    resetPreview();
    setRunId(null);
    setMode('dry-run');
    setCreateMissingCustomers(false);
  };

  const steps = [
    { title: t('imports.steps.source') },
    { title: t('imports.steps.mapping') },
    { title: t('imports.steps.options') },
    { title: t('imports.steps.run') },
  ];

  return (
    <Flex vertical gap={24}>
      {/* On a phone the titles sit under their icons, so the four steps fit across the screen. */}
      <Steps
        current={step}
        items={steps}
        status={step === 3 && ended === 'succeeded' ? 'finish' : step === 3 && ended === 'failed' ? 'error' : 'process'}
        size="small"
        responsive={false}
        titlePlacement={isPhone ? 'vertical' : 'horizontal'}
      />
      {step === 0 && (
        <SourceStep
          entities={entities}
          entity={entity}
          file={file}
          reading={previewFile.isPending}
          onEntity={(next) => {
            setEntity(next);
            resetPreview();
          }}
          onFile={(next) => {
            setFile(next);
            resetPreview();
          }}
        />
      )}
      {step === 1 && preview && (
        <MappingEditor entity={entity} preview={preview} mapping={mapping} onChange={setMapping} showMissing={showMissing} />
      )}
      {step === 2 && file && (
        <OptionsStep
          entity={entity}
          fileName={file.name}
          mappedCount={Object.keys(cleanMapping(mapping)).length}
          mode={mode}
          onMode={setMode}
          createMissingCustomers={createMissingCustomers}
          onCreateMissingCustomers={setCreateMissingCustomers}
        />
      )}
      {step === 3 && runId && (
        <ImportRun
          key={runId}
          id={runId}
          onFinished={(finished) => {
            setEnded(finished.status);
            void refreshList();
          }}
          actions={(finished) => (
            <RunActions
              run={finished}
              starting={start.isPending}
              onRunForReal={run}
              onBackToMapping={() => {
                setRunId(null);
                setStep(1);
              }}
              onAnother={startOver}
            />
          )}
        />
      )}

      <Flex justify="space-between" wrap gap={8} style={{ borderTop: '1px solid rgba(5,5,5,0.06)', paddingTop: 16 }}>
        <span>
          {step > 0 && step < 3 && (
            <Button onClick={() => setStep(step - 1)} disabled={start.isPending}>
              {t('imports.prev')}
            </Button>
          )}
        </span>
        <Flex gap={8} wrap>
          {step === 3 && <Button onClick={onClose}>{t('common.close')}</Button>}
          {step === 0 && (
            <Button type="primary" onClick={toMapping} loading={previewFile.isPending} data-testid="import-next">
              {t('imports.next')}
            </Button>
          )}
          {step === 1 && (
            <Button type="primary" onClick={toOptions} data-testid="import-next">
              {t('imports.next')}
            </Button>
          )}
          {step === 2 && (
            <Button type="primary" onClick={() => run(mode)} loading={start.isPending} data-testid="import-start">
              {mode === 'dry-run' ? t('imports.run.startDryRun') : t('imports.run.start')}
            </Button>
          )}
        </Flex>
      </Flex>
    </Flex>
  );
}

function SourceStep({
  entities,
  entity,
  file,
  reading,
  onEntity,
  onFile,
}: {
  entities: TImportEntity[];
  entity: TImportEntity;
  file: File | null;
  reading: boolean;
  onEntity: (entity: TImportEntity) => void;
  onFile: (file: File | null) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Spin spinning={reading} description={t('imports.source.reading')}>
      <Flex vertical gap={20}>
        <Flex vertical gap={8}>
          <Typography.Text strong>{t('imports.source.entity')}</Typography.Text>
          <Radio.Group
            optionType="button"
            value={entity}
            onChange={(event) => onEntity(event.target.value as TImportEntity)}
            options={entities.map((e) => ({ value: e, label: t(`imports.entities.${e}`) }))}
            style={{ display: 'flex', flexWrap: 'wrap', rowGap: 8 }}
            data-testid="import-entity"
          />
          <Typography.Text type="secondary">{t(`imports.entityHints.${entity}`)}</Typography.Text>
        </Flex>
        <Flex vertical gap={8}>
          <Typography.Text strong>{t('imports.source.file')}</Typography.Text>
          <Upload.Dragger
            accept=".csv,.xlsx"
            maxCount={1}
            multiple={false}
            fileList={file ? [{ uid: 'import-file', name: file.name, size: file.size, status: 'done' }] : []}
            beforeUpload={(chosen) => {
              if (!fileFormat(chosen.name)) {
                void message.error(t('imports.source.badFormat'));
                return Upload.LIST_IGNORE;
              }
              onFile(chosen);
              // Nothing is uploaded here: the wizard keeps the File and sends it with the preview and the import.
              return false;
            }}
            onRemove={() => {
              onFile(null);
              return true;
            }}
            data-testid="import-file"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('imports.source.drop')}</p>
            <p className="ant-upload-hint">{t('imports.source.dropHint')}</p>
          </Upload.Dragger>
        </Flex>
      </Flex>
    </Spin>
  );
}

function OptionsStep({
  entity,
  fileName,
  mappedCount,
  mode,
  onMode,
  createMissingCustomers,
  onCreateMissingCustomers,
}: {
  entity: TImportEntity;
  fileName: string;
  mappedCount: number;
  mode: TImportMode;
  onMode: (mode: TImportMode) => void;
  createMissingCustomers: boolean;
  onCreateMissingCustomers: (value: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={20}>
      <Typography.Text>
        {t('imports.options.summary', { entity: t(`imports.entities.${entity}`), file: fileName, count: mappedCount })}
      </Typography.Text>
      <Flex vertical gap={8}>
        <Typography.Text strong>{t('imports.options.title')}</Typography.Text>
        <Radio.Group value={mode} onChange={(event) => onMode(event.target.value as TImportMode)} data-testid="import-mode">
          <Flex vertical gap={12}>
            {IMPORT_MODES.map((m) => (
              <Radio key={m} value={m}>
                <Flex vertical>
                  <span>{t(`imports.modes.${m}`)}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(`imports.modeHints.${m}`)}
                  </Typography.Text>
                </Flex>
              </Radio>
            ))}
          </Flex>
        </Radio.Group>
      </Flex>
      {offersCreateMissingCustomers(entity) && (
        <Flex vertical gap={4}>
          <Checkbox
            checked={createMissingCustomers}
            onChange={(event) => onCreateMissingCustomers(event.target.checked)}
            data-testid="import-create-customers"
          >
            {t('imports.options.createMissingCustomers')}
          </Checkbox>
          <Typography.Text type="secondary" style={{ fontSize: 12, paddingInlineStart: 24 }}>
            {t('imports.options.createMissingCustomersHint')}
          </Typography.Text>
        </Flex>
      )}
    </Flex>
  );
}

/** Under a finished run: a dry run offers the real import with the same file and mapping; any run, to go back or start over. */
function RunActions({
  run,
  starting,
  onRunForReal,
  onBackToMapping,
  onAnother,
}: {
  run: TImport;
  starting: boolean;
  onRunForReal: (mode: RealMode) => void;
  onBackToMapping: () => void;
  onAnother: () => void;
}) {
  const { t } = useTranslation();
  const [realMode, setRealMode] = useState<RealMode>(() => realRunMode(run));
  // After a clean dry run, or an all-or-nothing run refused for its invalid rows (which may now be skipped).
  const offerReal = (run.mode === 'dry-run' && run.status === 'succeeded') || (run.mode === 'all-or-nothing' && run.errorCount > 0);
  return (
    <Flex vertical gap={12}>
      {offerReal && (
        <Flex vertical gap={8} data-testid="import-real-run">
          <Typography.Text strong>{t('imports.run.realMode')}</Typography.Text>
          <Radio.Group
            value={realMode}
            onChange={(event) => setRealMode(event.target.value as RealMode)}
            options={(['all-or-nothing', 'skip-invalid'] as const).map((m) => ({ value: m, label: t(`imports.modes.${m}`) }))}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`imports.modeHints.${realMode}`)}
          </Typography.Text>
        </Flex>
      )}
      <Flex gap={8} wrap>
        {offerReal && (
          <Button type="primary" loading={starting} onClick={() => onRunForReal(realMode)} data-testid="import-run-for-real">
            {t('imports.run.runForReal')}
          </Button>
        )}
        <Button onClick={onBackToMapping}>{t('imports.run.backToMapping')}</Button>
        <Button onClick={onAnother}>{t('imports.run.another')}</Button>
      </Flex>
    </Flex>
  );
}
