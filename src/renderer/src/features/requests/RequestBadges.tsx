import { Badge } from '@mantine/core';
import type { SscRequestView } from '../../../../shared/api/requests.contract';

const statusColours: Record<SscRequestView['status'], string> = {
  open: 'blue',
  granted: 'teal',
  refused: 'red',
};

/** The status of a request: open (complete or not), granted or refused. */
export function RequestStatusBadge({ request }: { request: SscRequestView }) {
  const label =
    request.status === 'open' ? (request.completeness.isComplete ? 'open' : 'incomplete') : request.status;
  return (
    <Badge
      color={
        request.status === 'open' && !request.completeness.isComplete
          ? 'yellow'
          : statusColours[request.status]
      }
      variant="light"
      aria-label={`Status of ${request.reference}`}
    >
      {label}
    </Badge>
  );
}

/** The Art 42 deadline of an open request: days left, or overdue; nothing once decided. */
export function RequestDeadlineBadge({ request }: { request: SscRequestView }) {
  if (request.status !== 'open') return null;
  if (!request.term)
    return (
      <Badge color="gray" variant="outline" miw="fit-content">
        no term yet
      </Badge>
    );
  if (request.isOverdue)
    return (
      <Badge color="red" variant="filled" miw="fit-content" aria-label={`Deadline of ${request.reference}`}>
        overdue by {-(request.daysLeft ?? 0)} days
      </Badge>
    );
  return (
    <Badge
      color={(request.daysLeft ?? 0) <= 7 ? 'orange' : 'gray'}
      variant="light"
      miw="fit-content"
      aria-label={`Deadline of ${request.reference}`}
    >
      {request.daysLeft} days left
    </Badge>
  );
}
