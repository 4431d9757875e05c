import { Alert, Button, Grid, Group, List, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPrinter } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { refundFactsSchema } from '../../../../shared/facts/refund-facts';
import { useSession } from '../../api/useSession';
import { RefundFactsForm } from './RefundFactsForm';
import { RefundPrintout } from './RefundPrintout';
import { RefundResultCard } from './RefundResultCard';
import { useRefund, type RefundFactsInput } from './useRefund';
import classes from './RefundCalculatorPage.module.css';

/** A bachelor's student enrolled from 1 September who asks to terminate; the amounts and date still to be entered. */
const terminationRequest: RefundFactsInput = {
  academicYear: '2022-23',
  level: 'bachelor',
  studentKind: 'student',
  enrolmentStartDate: '2022-09-01',
  fee: { applicableCents: 0, paidCents: 0 },
  ending: { reason: 'student-request', requestDate: '' },
  refundRequested: true,
  paidByThirdParty: false,
  outstandingDebts: [],
};

/** The form's names of the facts, for saying which one is missing or wrong. */
const fieldLabels: Record<string, string> = {
  academicYear: 'Academic year',
  studentKind: 'Kind of student',
  enrolmentStartDate: 'Enrolment start',
  'fee.applicableCents': 'Fee for the year',
  'fee.chargedCents': 'Charged',
  'fee.paidCents': 'Paid',
  ects: 'ECTS',
  'ects.programmeTotal': 'ECTS of the programme',
  'ects.remaining': 'ECTS remaining',
  'ending.requestDate': 'Request date',
  'ending.requestedEffectiveDate': 'Asked to take effect on',
  'ending.graduationDate': 'Graduation date',
  'ending.terminationRequestDate': 'Termination requested on',
  'ending.dateOfDeath': 'Date of death',
  'ending.warningNoticeDate': 'Warning notice',
  'ending.effectiveDate': 'Termination decided as of',
};

/** The name of a fact in the form, e.g. 'outstandingDebts.0.description' → 'Debt 1'. */
function labelOf(path: string): string {
  const debt = /^outstandingDebts\.(\d+)/.exec(path);
  return debt ? `Debt ${Number(debt[1]) + 1}` : (fieldLabels[path] ?? path);
}

/** The facts checked in the browser against the same schema the desk uses, field by field. */
function checkFacts(facts: RefundFactsInput): { isComplete: boolean; issues: Record<string, string> } {
  const result = refundFactsSchema.safeParse(facts);
  if (result.success) return { isComplete: true, issues: {} };
  const issues: Record<string, string> = {};
  for (const issue of result.error.issues) issues[issue.path.join('.')] ??= issue.message;
  return { isComplete: false, issues };
}

/** The refund when an enrolment ends (Art 33–39), with its deductions and reasons, printable on one page. */
export function RefundCalculatorPage() {
  const { staff } = useSession();
  const [facts, setFacts] = useState<RefundFactsInput>(terminationRequest);
  const { isComplete, issues } = useMemo(() => checkFacts(facts), [facts]);
  const [debounced] = useDebouncedValue(isComplete ? facts : null, 200);
  const refund = useRefund(debounced);
  const decision = isComplete ? refund.data : undefined;

  return (
    <>
      <Stack className={classes.screenOnly}>
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={2}>Refund calculator</Title>
            <Text c="dimmed" size="sm" maw={760}>
              What is refunded when an enrolment ends: the effective date, the months remaining, the
              deductions and the net refund, with every article that decides it (Art 33–39). Print it for the
              file.
            </Text>
          </div>
          <Button
            leftSection={<IconPrinter size={16} />}
            disabled={!decision || refund.isPlaceholderData}
            onClick={() => window.print()}
          >
            Print
          </Button>
        </Group>
        <Grid>
          <Grid.Col span={{ base: 12, lg: 6 }}>
            <RefundFactsForm value={facts} onChange={setFacts} issues={issues} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 6 }}>
            <Stack>
              {!isComplete && (
                <Alert color="blue" title="Complete the facts to calculate the refund">
                  <List size="sm" spacing={2}>
                    {Object.entries(issues).map(([path, message]) => (
                      <List.Item key={path}>
                        {labelOf(path)}: {message === 'Invalid ISO date' ? 'enter a date' : message}
                      </List.Item>
                    ))}
                  </List>
                </Alert>
              )}
              {isComplete && refund.error && (
                <Alert color="red" title="These facts cannot be assessed" role="alert">
                  {refund.error.message}
                </Alert>
              )}
              {decision && <RefundResultCard decision={decision} />}
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
      {decision && debounced && (
        <RefundPrintout facts={debounced} decision={decision} staffName={staff?.displayName ?? ''} />
      )}
    </>
  );
}
