import { Col, Flex, Row, Spin } from 'antd';
import { useParams } from 'react-router';
import { isApiError } from '../../../shared/api.ts';
import { canWrite } from '../../../shared/roles.ts';
import { LoadError, NotFoundPage } from '../../../shared/StatusPages.tsx';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { ContractApprovalAlert } from '../components/ContractApprovalAlert.tsx';
import { ContractDetailsCard } from '../components/ContractDetailsCard.tsx';
import { ContractHeader } from '../components/ContractHeader.tsx';
import { ContractProgressCard } from '../components/ContractProgressCard.tsx';
import { PaymentPlanCard } from '../components/PaymentPlanCard.tsx';
import { PaymentsCard } from '../components/PaymentsCard.tsx';
import { useContractStatusFlow } from '../components/useContractStatusFlow.tsx';
import { type TContractDetail, useContract } from '../contracts.api.ts';

/** 合同详情: status and its changes, the terms, the payment plan, payments received and progress. */
export function ContractPage() {
  const { id = '' } = useParams();
  const user = useCurrentUser();
  const contract = useContract(id);

  if (contract.isPending) return <Spin style={{ display: 'block', marginTop: 48 }} />;
  if (contract.isError) {
    return isApiError(contract.error, 404) ? <NotFoundPage /> : <LoadError error={contract.error} onRetry={contract.refetch} />;
  }
  return <ContractView contract={contract.data} writer={canWrite(user.role)} />;
}

function ContractView({ contract: c, writer }: { contract: TContractDetail; writer: boolean }) {
  const { requestStatus } = useContractStatusFlow(c);
  return (
    <>
      <ContractHeader contract={c} writer={writer} />
      <ContractApprovalAlert contract={c} onResubmit={writer ? () => requestStatus('pending_approval') : undefined} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Flex vertical gap={16}>
            <ContractProgressCard contract={c} />
            <PaymentPlanCard contract={c} writer={writer} />
            <PaymentsCard contract={c} writer={writer} />
          </Flex>
        </Col>
        <Col xs={24} xl={10}>
          <ContractDetailsCard contract={c} writer={writer} />
        </Col>
      </Row>
    </>
  );
}
