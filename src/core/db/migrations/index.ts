import { migration001Catalogue } from './001-catalogue';
import { migration002EnrolmentsAndLedger } from './002-enrolments-and-ledger';
import { migration003ArrearsSteps } from './003-arrears-steps';
import { migration004PaymentArrangements } from './004-payment-arrangements';
import { migration005EnrolmentDesk } from './005-enrolment-desk';
import { migration006IndNotifications } from './006-ind-notifications';
import { migration007IssuedDocuments } from './007-issued-documents';
import { migration008SscRequests } from './008-ssc-requests';
import { migration009Exchange } from './009-exchange';
import { migration010ReceivedBbcs } from './010-received-bbcs';
import { migration011Transcripts } from './011-transcripts';
import { migration012ResitRetention } from './012-resit-retention';
import { migration013StudyProgress } from './013-study-progress';
import { migration014DocumentRegisterKinds } from './014-document-register-kinds';
import type { Migration } from './migration';

/** Every migration in order. Append only. */
export const migrations: readonly Migration[] = [
  migration001Catalogue,
  migration002EnrolmentsAndLedger,
  migration003ArrearsSteps,
  migration004PaymentArrangements,
  migration005EnrolmentDesk,
  migration006IndNotifications,
  migration007IssuedDocuments,
  migration008SscRequests,
  migration009Exchange,
  migration010ReceivedBbcs,
  migration011Transcripts,
  migration012ResitRetention,
  migration013StudyProgress,
  migration014DocumentRegisterKinds,
];
