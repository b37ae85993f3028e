#!/usr/bin/env node
// `node scripts/auditSecurity.mjs`: npm audit, failing on any high or critical advisory — first for what
// runs in production (--omit=dev), then for everything installed. Some registries (mirrors, proxies) do not
// serve npm's advisory endpoint: then it says so and passes, unless AUDIT_REQUIRED=1 asks for a hard failure.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
let failed = false;

for (const [label, args] of [
  ['production dependencies', ['audit', '--json', '--omit=dev']],
  ['all dependencies', ['audit', '--json']],
]) {
  const run = spawnSync('npm', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  let report;
  try {
    report = JSON.parse(run.stdout);
  } catch {
    report = undefined;
  }
  const counts = report?.metadata?.vulnerabilities;
  if (!counts) {
    const why = report?.message ?? run.stderr.trim().split('\n').pop() ?? `npm exited ${run.status}`;
    console.log(`npm audit (${label}): no advisory report — ${why}`);
    if (process.env.AUDIT_REQUIRED === '1') failed = true;
    continue;
  }
  const serious = (counts.high ?? 0) + (counts.critical ?? 0);
  console.log(
    `npm audit (${label}): ${counts.critical ?? 0} critical, ${counts.high ?? 0} high, ${counts.moderate ?? 0} moderate, ${counts.low ?? 0} low`,
  );
  if (serious > 0) {
    failed = true;
    for (const [name, v] of Object.entries(report.vulnerabilities ?? {}))
      if (v.severity === 'high' || v.severity === 'critical')
        console.log(`  ${v.severity}: ${name} ${v.range} (fix: ${v.fixAvailable ? 'npm audit fix' : 'none yet'})`);
  }
}
process.exit(failed ? 1 : 0);
