import {
  Badge,
  Button,
  FileButton,
  Group,
  Image,
  Loader,
  Modal,
  Stack,
  Table,
  Text,
  Textarea,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type {
  ChecklistItem,
  DeskEnrolment,
  DocumentRecord,
  DocumentStatus,
} from '../../../../shared/api/enrolments.contract';
import { desk, unwrap } from '../../api/desk-client';
import { showDeskError, showDone } from '../../api/show-error';
import { formatShortDate } from '../fees/long-date';
import {
  readFileAsBase64,
  useReceiveDocument,
  useRejectDocument,
  useRequestDocument,
  useVerifyDocument,
} from './useEnrolmentDesk';

const moment = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** A stored timestamp as staff read it, e.g. '1 Jun 2022, 11:00'. */
export function formatMoment(iso: string): string {
  return moment.format(new Date(iso));
}

const documentBadges: Readonly<Record<DocumentStatus | 'not-requested', { label: string; color: string }>> = {
  requested: { label: 'Requested', color: 'blue' },
  received: { label: 'Received', color: 'yellow' },
  verified: { label: 'Verified', color: 'teal' },
  rejected: { label: 'Rejected', color: 'red' },
  'not-requested': { label: 'Not requested', color: 'gray' },
};

/** The status of a document as a badge. */
export function DocumentStatusBadge({ status }: { status: DocumentStatus | 'not-requested' }) {
  const badge = documentBadges[status];
  return (
    <Badge color={badge.color} variant="light">
      {badge.label}
    </Badge>
  );
}

/** The scan of a document, shown in the app: a PDF in a frame, an image as is, from a blob: URL. */
function PreviewModal({ document, onClose }: { document: DocumentRecord | null; onClose: () => void }) {
  const scan = useQuery({
    queryKey: ['students', 'attachment', document?.id, document?.attachment?.sha256],
    queryFn: () => unwrap(desk.enrolments.attachment({ documentId: document?.id ?? 0 })),
    enabled: document?.attachment != null,
    staleTime: Infinity,
  });
  const url = useMemo(() => {
    if (!scan.data) return null;
    const bytes = Uint8Array.from(atob(scan.data.contentBase64), (c) => c.charCodeAt(0));
    return URL.createObjectURL(new Blob([bytes], { type: scan.data.contentType }));
  }, [scan.data]);
  useEffect(
    () => () => {
      if (url) URL.revokeObjectURL(url);
    },
    [url],
  );
  return (
    <Modal
      opened={document !== null}
      onClose={onClose}
      size="xl"
      title={document?.attachment ? `Document ${document.document}: ${document.attachment.fileName}` : ''}
    >
      {scan.isLoading && <Loader size="sm" />}
      {scan.error && <Text c="red">{scan.error.message}</Text>}
      {url && scan.data?.contentType === 'application/pdf' && (
        <iframe
          src={url}
          title={`Scan of document ${document?.document ?? ''}`}
          style={{ width: '100%', height: '70vh', border: 0 }}
        />
      )}
      {url && scan.data && scan.data.contentType !== 'application/pdf' && (
        <Image
          src={url}
          alt={`Scan of document ${document?.document ?? ''}`}
          fit="contain"
          mah="70vh"
          w="auto"
          maw="100%"
          mx="auto"
        />
      )}
    </Modal>
  );
}

/** Asks for the reason of a rejection, which the student will read. */
function RejectModal({ document, onClose }: { document: DocumentRecord | null; onClose: () => void }) {
  const reject = useRejectDocument();
  const [reason, setReason] = useState('');
  return (
    <Modal opened={document !== null} onClose={onClose} title={`Reject document ${document?.document ?? ''}`}>
      {document && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            reject.mutate(
              { documentId: document.id, expectedVersion: document.version, reason },
              {
                onSuccess: () => {
                  showDone(`Document ${document.document} rejected.`);
                  onClose();
                },
                onError: (error) => showDeskError(error),
              },
            );
          }}
        >
          <Stack>
            <Textarea
              label="Reason for the rejection"
              description="The student reads it in the request to send the document again."
              required
              autosize
              minRows={2}
              data-autofocus
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Back
              </Button>
              <Button
                type="submit"
                color="red"
                loading={reject.isPending}
                disabled={reason.trim().length < 3}
              >
                Reject
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

/** The review history of a document: each step with who and when. */
function DocumentHistory({ record }: { record: DocumentRecord }) {
  return (
    <Stack gap={0} mt={4} aria-label={`History of document ${record.document}`}>
      {record.history.map((h) => (
        <Text key={h.id} size="xs" c="dimmed">
          {documentBadges[h.status].label} {formatMoment(h.at)} by {h.by}
          {h.status === 'rejected' && h.reason ? `: ${h.reason}` : ''}
        </Text>
      ))}
    </Stack>
  );
}

/** The actions a clerk may take on a document in its current state. */
function DocumentActions({
  enrolment,
  item,
  onPreview,
  onReject,
}: {
  enrolment: DeskEnrolment;
  item: ChecklistItem;
  onPreview: (record: DocumentRecord) => void;
  onReject: (record: DocumentRecord) => void;
}) {
  const receive = useReceiveDocument();
  const verify = useVerifyDocument();
  const request = useRequestDocument();
  const record = item.record;
  const letter = item.document;
  const onError = (error: unknown) => showDeskError(error);
  return (
    <Group gap={6} wrap="wrap">
      {record?.status === 'requested' && (
        <FileButton
          accept="application/pdf,image/png,image/jpeg"
          inputProps={{ 'aria-label': `Scan of document ${letter}` }}
          onChange={(file) => {
            if (!file) return;
            readFileAsBase64(file)
              .then((contentBase64) =>
                receive.mutateAsync({
                  documentId: record.id,
                  expectedVersion: record.version,
                  fileName: file.name,
                  contentBase64,
                }),
              )
              .then(() => showDone(`Document ${letter} received: ${file.name}.`))
              .catch(onError);
          }}
        >
          {(props) => (
            <Button {...props} size="xs" variant="light" loading={receive.isPending}>
              Receive…
            </Button>
          )}
        </FileButton>
      )}
      {record?.attachment && (
        <Button size="xs" variant="default" onClick={() => onPreview(record)}>
          Preview
        </Button>
      )}
      {record?.status === 'received' && (
        <>
          <Button
            size="xs"
            color="teal"
            loading={verify.isPending}
            onClick={() =>
              verify.mutate(
                { documentId: record.id, expectedVersion: record.version },
                { onSuccess: () => showDone(`Document ${letter} verified.`), onError },
              )
            }
          >
            Verify
          </Button>
          <Button size="xs" variant="light" color="red" onClick={() => onReject(record)}>
            Reject…
          </Button>
        </>
      )}
      {(record?.status === 'rejected' || (record === null && item.required)) && (
        <Button
          size="xs"
          variant="light"
          loading={request.isPending}
          onClick={() =>
            request.mutate(
              {
                enrolmentId: enrolment.enrolment.id,
                document: letter,
                expectedVersion: record?.version ?? null,
              },
              { onSuccess: () => showDone(`Document ${letter} requested.`), onError },
            )
          }
        >
          {record ? 'Request again' : 'Request'}
        </Button>
      )}
    </Group>
  );
}

/** The documents a–g of Art 13.1 for an enrolment: required or not and why, deadline, review and actions. */
export function DocumentChecklist({
  enrolment,
  checklist,
  canAct,
}: {
  enrolment: DeskEnrolment;
  checklist: readonly ChecklistItem[];
  canAct: boolean;
}) {
  const [preview, setPreview] = useState<DocumentRecord | null>(null);
  const [rejecting, setRejecting] = useState<DocumentRecord | null>(null);
  const isOpen = !['denied', 'cancelled', 'terminated'].includes(enrolment.enrolment.status);
  return (
    <>
      <Table aria-label="Documents (Art 13.1)" verticalSpacing={6} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>Doc</Table.Th>
            <Table.Th>Document and why</Table.Th>
            <Table.Th w={120}>Due</Table.Th>
            <Table.Th w={130}>Status</Table.Th>
            <Table.Th w={250}>Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {checklist.map((item) => (
            <Table.Tr
              key={item.document}
              data-document={item.document}
              aria-label={`Document ${item.document}`}
              opacity={item.required || item.record ? 1 : 0.65}
            >
              <Table.Td fw={700}>{item.document}</Table.Td>
              <Table.Td>
                <Group gap={6}>
                  <Text size="sm" fw={500}>
                    {item.label}
                  </Text>
                  <Badge size="xs" variant="outline" color={item.required ? 'blue' : 'gray'}>
                    {item.required ? 'required' : 'not required'}
                  </Badge>
                </Group>
                {item.reasons.map((r, i) => (
                  <Text key={i} size="xs" c="dimmed">
                    <b>{r.article}</b> {r.text}
                  </Text>
                ))}
                {item.record?.rejectionReason && item.record.status === 'rejected' && (
                  <Text size="xs" c="red">
                    Rejected: {item.record.rejectionReason}
                  </Text>
                )}
                {item.record && <DocumentHistory record={item.record} />}
              </Table.Td>
              <Table.Td>
                {item.deadline ? (
                  <Text
                    size="sm"
                    c={item.isPastDeadline && item.record?.status !== 'verified' ? 'red' : undefined}
                  >
                    {item.deadlineRelation === 'before' ? 'before ' : 'by '}
                    {formatShortDate(item.deadline)}
                  </Text>
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td>
                {item.record ? (
                  <DocumentStatusBadge status={item.record.status} />
                ) : item.required ? (
                  <DocumentStatusBadge status="not-requested" />
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td>
                {canAct && isOpen ? (
                  <DocumentActions
                    enrolment={enrolment}
                    item={item}
                    onPreview={setPreview}
                    onReject={setRejecting}
                  />
                ) : (
                  item.record?.attachment && (
                    <Button size="xs" variant="default" onClick={() => setPreview(item.record)}>
                      Preview
                    </Button>
                  )
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <PreviewModal document={preview} onClose={() => setPreview(null)} />
      <RejectModal key={rejecting?.id ?? 0} document={rejecting} onClose={() => setRejecting(null)} />
    </>
  );
}
