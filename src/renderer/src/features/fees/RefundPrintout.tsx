import { formatCents } from '../../../../shared/money';
import { formatLongDate, formatToday } from './long-date';
import {
  feeKindLabels,
  outcomeLabels,
  refundBasisLabels,
  refundFactRows,
  refundToLabels,
} from './refund-wording';
import type { RefundDecision, RefundFactsInput } from './useRefund';
import classes from './RefundCalculatorPage.module.css';

/** Props of RefundPrintout. */
export interface RefundPrintoutProps {
  facts: RefundFactsInput;
  decision: RefundDecision;
  /** The member of staff who prints the calculation. */
  staffName: string;
}

/**
 * The refund calculation on one printed page: the facts, the result, the reasons with their
 * articles, the date and who calculated it. Hidden on screen; only the print stylesheet shows it.
 */
export function RefundPrintout({ facts, decision, staffName }: RefundPrintoutProps) {
  const result: [string, string][] = [
    ['Outcome', outcomeLabels[decision.outcome].label],
    ['Fee', feeKindLabels[decision.feeKind]],
    ['Effective date', formatLongDate(decision.effectiveDate)],
    ['Months remaining', String(decision.monthsRemaining)],
    ['Refund', `${formatCents(decision.refundCents)} (${refundBasisLabels[decision.refundBasis]})`],
    ...decision.deductions.map((d): [string, string] => [
      `− ${d.description} (${d.article})`,
      `−${formatCents(d.amountCents)}`,
    ]),
    ['Net refund', formatCents(decision.netRefundCents)],
    ['Still owed', formatCents(decision.stillOwedCents)],
    ['Refund due by', formatLongDate(decision.refundDueBy)],
    ['Paid into', decision.refundTo ? refundToLabels[decision.refundTo] : '—'],
  ];
  return (
    <article className={classes.printout} aria-label="Refund calculation">
      <header className={classes.printHeader}>
        <h1>Refund calculation</h1>
        <p>Maastricht University · Student Affairs · Enrolment Provisions {facts.academicYear}, Art 33–39</p>
      </header>

      <h2>Facts</h2>
      <table className={classes.printTable}>
        <tbody>
          {refundFactRows(facts).map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td>{row.value}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>Result</h2>
      <table className={classes.printTable}>
        <tbody>
          {result.map(([label, value]) => (
            <tr key={label} className={label === 'Net refund' ? classes.printTotal : undefined}>
              <th scope="row">{label}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>Reasons</h2>
      <ol className={classes.printReasons}>
        {decision.reasons.map((reason, index) => (
          <li key={index}>
            <strong>{reason.article}</strong> {reason.text}
          </li>
        ))}
      </ol>

      <footer className={classes.printFooter}>
        <span>
          Calculated on {formatToday()} by {staffName}
        </span>
        <span className={classes.signature}>Signature</span>
      </footer>
    </article>
  );
}
