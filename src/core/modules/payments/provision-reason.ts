/** Why a rule of the provisions applied: the article and one sentence naming the facts (DESIGN.md §3). */
export interface ProvisionReason {
  /** A reference that `findProvisionText` resolves, e.g. 'Art 34.2'. */
  article: string;
  /** One sentence saying why the article applied, naming the facts. */
  text: string;
}

/** Kinds of debt a student can owe UM; Art 3.5 concerns the fee kinds and administration fees only. */
export type DebtKind = 'tuition-fee' | 'examination-fee' | 'study-fee' | 'administration-fee' | 'other';

/** Something the student owes UM besides the amount being settled, e.g. an earlier instalment or a fine. */
export interface OutstandingDebt {
  /** What the debt is for, as staff should read it on the decision. */
  description: string;
  amountCents: number;
  /** What kind of debt it is; 'other' when not given. */
  kind?: DebtKind;
}

/** An amount set against a refund or credit, with the article that allows it. */
export interface Deduction {
  description: string;
  amountCents: number;
  article: string;
}
