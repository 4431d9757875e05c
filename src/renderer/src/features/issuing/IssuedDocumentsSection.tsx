import { Alert, Badge, Button, Group, Modal, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconDownload, IconFileCertificate } from '@tabler/icons-react';
import type { ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import {
  issuedDocumentKinds,
  issuedDocumentKindLabels,
  type IssuedDocument,
  type IssuedDocumentKind,
  type IssueOutcome,
  type RegisterDocumentKind,
} from '../../../../shared/api/documents.contract';
import { downloadFile } from '../../api/download-file';
import { showDeskError, showDone } from '../../api/show-error';
import { useSession } from '../../api/useSession';
import { DataTable } from '../../components/DataTable';
import { ReasonList } from '../../components/ReasonList';
import { useStudentFeeFile } from '../students/useStudentFees';
import { ReceivedBbcsPanel } from './ReceivedBbcsPanel';
import {
  fetchIssuedDocumentPdf,
  useIssueDocument,
  useIssuedDocuments,
  useReissueDocument,
  useRevokeDocument,
} from './useIssuedDocuments';

/** Props of IssuedDocumentsSection. */
export interface IssuedDocumentsSectionProps {
  /** The student whose documents are shown and issued. */
  studentId: number;
}

const statusColours: Record<IssuedDocument['status'], string> = {
  valid: 'teal',
  revoked: 'red',
  superseded: 'gray',
};

/** Whether a kind is issued (and reissued) at the desk, rather than by the SSC or with the IRO's transcripts. */
function isIssuedAtTheDesk(kind: RegisterDocumentKind): kind is IssuedDocumentKind {
  return (issuedDocumentKinds as readonly string[]).includes(kind);
}

/** Opens (downloads) the PDF of an issued document as issued. */
function openPdf(document: { id: number }): void {
  fetchIssuedDocumentPdf(document.id).then(
    (file) => downloadFile(file.fileName, 'application/pdf', file.pdfBase64),
    (error: unknown) => showDeskError(error),
  );
}

/**
 * The "Documents issued" section of a student file: issue a BBC, a certificate of enrolment or a
 * pre-master's certificate per enrolment (a refusal shows its articles), and the register of the
 * student's documents with their status, to open, reissue or revoke.
 */
export function IssuedDocumentsSection({ studentId }: IssuedDocumentsSectionProps) {
  const { staff } = useSession();
  const canIssue = staff?.role === 'desk' || staff?.role === 'ssc' || staff?.role === 'admin';
  const file = useStudentFeeFile(studentId);
  const documents = useIssuedDocuments(studentId);
  const issue = useIssueDocument();
  const reissue = useReissueDocument();
  const revoke = useRevokeDocument();
  const [refusal, setRefusal] = useState<{
    enrolmentId: number;
    kind: RegisterDocumentKind;
    reasons: { article: string; text: string }[];
  } | null>(null);
  const [preMaster, setPreMaster] = useState<{ enrolmentId: number; completedOn: string } | null>(null);
  const [bbcFor, setBbcFor] = useState<{ enrolmentId: number; institution: string } | null>(null);
  const [change, setChange] = useState<{
    action: 'revoke' | 'reissue';
    document: IssuedDocument;
    reason: string;
  } | null>(null);

  const onOutcome = (enrolmentId: number, kind: IssuedDocumentKind) => (outcome: IssueOutcome) => {
    if (outcome.outcome === 'refused') {
      setRefusal({ enrolmentId, kind, reasons: outcome.reasons });
      return;
    }
    setRefusal(null);
    showDone(`${outcome.document.kindLabel} ${outcome.document.number} issued.`);
    downloadFile(outcome.fileName, 'application/pdf', outcome.pdfBase64);
  };
  const issueFor = (
    enrolmentId: number,
    kind: IssuedDocumentKind,
    completedOn?: string,
    receivingInstitution?: string,
  ) =>
    issue.mutate(
      {
        enrolmentId,
        kind,
        ...(completedOn ? { completedOn } : {}),
        ...(receivingInstitution ? { receivingInstitution } : {}),
      },
      { onSuccess: onOutcome(enrolmentId, kind), onError: (e) => showDeskError(e) },
    );

  const columns = useMemo<ColumnDef<IssuedDocument, unknown>[]>(
    () => [
      { accessorKey: 'number', header: 'Number' },
      { accessorKey: 'kindLabel', header: 'Document' },
      { accessorKey: 'academicYear', header: 'Year' },
      {
        id: 'for',
        // A BBC: the institution it is for (Art 33.7); a decision letter: the request it decides.
        accessorFn: (row) => row.receivingInstitution ?? row.requestReference ?? '',
        header: 'Issued for',
      },
      {
        id: 'issued',
        accessorFn: (row) => row.issuedAt,
        header: 'Issued',
        cell: ({ row: { original } }) => (
          <Stack gap={0}>
            <Text size="sm">{original.issuedAt.slice(0, 10)}</Text>
            <Text size="xs" c="dimmed">
              {original.issuedBy}
            </Text>
          </Stack>
        ),
      },
      {
        accessorKey: 'status',
        header: 'Status',
        cell: ({ row: { original } }) => (
          <Stack gap={2}>
            <Badge
              color={statusColours[original.status]}
              variant="light"
              aria-label={`Status of ${original.number}`}
            >
              {original.status}
            </Badge>
            {original.status !== 'valid' && (
              <Text size="xs" c="dimmed">
                {original.status === 'superseded' ? `by ${original.supersededByNumber ?? '?'}: ` : ''}
                {original.statusReason}
              </Text>
            )}
          </Stack>
        ),
      },
      {
        id: 'actions',
        header: '',
        cell: ({ row: { original } }) => (
          <Group gap="xs" wrap="nowrap">
            <Button
              size="xs"
              variant="light"
              leftSection={<IconDownload size={14} />}
              aria-label={`Open ${original.number}`}
              onClick={() => openPdf(original)}
            >
              Open
            </Button>
            {canIssue && original.status === 'valid' && (
              <>
                {/* Decision letters are corrected on the request, transcripts produced again (issue 5). */}
                {isIssuedAtTheDesk(original.kind) && (
                  <Button
                    size="xs"
                    variant="default"
                    aria-label={`Reissue ${original.number}`}
                    onClick={() => setChange({ action: 'reissue', document: original, reason: '' })}
                  >
                    Reissue…
                  </Button>
                )}
                {(original.kind !== 'ssc-decision-letter' || staff?.role === 'ssc') && (
                  <Button
                    size="xs"
                    color="red"
                    variant="light"
                    aria-label={`Revoke ${original.number}`}
                    onClick={() => setChange({ action: 'revoke', document: original, reason: '' })}
                  >
                    Revoke…
                  </Button>
                )}
              </>
            )}
          </Group>
        ),
      },
    ],
    [canIssue, staff?.role],
  );

  const submitChange = () => {
    if (!change) return;
    const input = { documentId: change.document.id, reason: change.reason };
    if (change.action === 'revoke')
      revoke.mutate(input, {
        onSuccess: (document) => {
          showDone(`${document.number} revoked.`);
          setChange(null);
        },
        onError: (e) => showDeskError(e),
      });
    else
      reissue.mutate(input, {
        onSuccess: (outcome) => {
          if (outcome.outcome === 'refused') {
            setRefusal({
              enrolmentId: change.document.enrolmentId ?? 0,
              kind: change.document.kind,
              reasons: outcome.reasons,
            });
          } else {
            showDone(`${outcome.document.number} issued; ${change.document.number} is superseded.`);
            downloadFile(outcome.fileName, 'application/pdf', outcome.pdfBase64);
          }
          setChange(null);
        },
        onError: (e) => showDeskError(e),
      });
  };

  return (
    <Paper withBorder p="md" component="section" aria-label="Documents issued">
      <Stack>
        <Group gap="xs">
          <IconFileCertificate size={20} />
          <Title order={3}>Documents issued</Title>
        </Group>
        {canIssue &&
          file.data?.enrolments.map((enrolment) => (
            <Stack key={enrolment.id} gap="xs">
              <Group justify="space-between">
                <Text size="sm">
                  {enrolment.academicYear} {enrolment.programmeName}{' '}
                  <Text span c="dimmed" size="sm">
                    ({enrolment.status})
                  </Text>
                </Text>
                <Group gap="xs">
                  <Button
                    size="xs"
                    variant="light"
                    loading={issue.isPending}
                    aria-label={`Issue BBC for ${enrolment.academicYear} ${enrolment.programmeName}`}
                    onClick={() => issueFor(enrolment.id, 'proof-of-payment')}
                  >
                    Issue BBC
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    aria-label={`BBC for an institution, ${enrolment.academicYear} ${enrolment.programmeName}`}
                    onClick={() => setBbcFor({ enrolmentId: enrolment.id, institution: '' })}
                  >
                    BBC for an institution…
                  </Button>
                  <Button
                    size="xs"
                    variant="light"
                    loading={issue.isPending}
                    aria-label={`Issue certificate of enrolment for ${enrolment.academicYear} ${enrolment.programmeName}`}
                    onClick={() => issueFor(enrolment.id, 'enrolment-certificate')}
                  >
                    Issue certificate of enrolment
                  </Button>
                  {enrolment.programmeCode?.startsWith('pm-') && (
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => setPreMaster({ enrolmentId: enrolment.id, completedOn: '' })}
                    >
                      Pre-master’s certificate…
                    </Button>
                  )}
                </Group>
              </Group>
              {refusal?.enrolmentId === enrolment.id && (
                <Alert
                  color="orange"
                  title={`Not issued: ${refusal.kind === 'proof-of-payment' ? 'BBC' : issuedDocumentKindLabels[refusal.kind].toLowerCase()}`}
                  withCloseButton
                  onClose={() => setRefusal(null)}
                  role="alert"
                >
                  <ReasonList reasons={refusal.reasons} label="Why not" />
                </Alert>
              )}
            </Stack>
          ))}
        {documents.error && <Alert color="red">{documents.error.message}</Alert>}
        {documents.data && documents.data.length === 0 && <Text c="dimmed">No documents issued yet.</Text>}
        {documents.data && documents.data.length > 0 && (
          <DataTable
            data={documents.data}
            columns={columns}
            getRowId={(row) => String(row.id)}
            label="Issued documents"
          />
        )}
        {file.data && (
          <ReceivedBbcsPanel
            studentId={studentId}
            enrolments={file.data.enrolments}
            canRecord={staff?.role === 'desk' || staff?.role === 'admin'}
            canInform={canIssue}
          />
        )}
      </Stack>

      <Modal
        opened={bbcFor !== null}
        onClose={() => setBbcFor(null)}
        title="BBC for an institution (Art 33.7)"
      >
        {bbcFor && (
          <Stack>
            <TextInput
              label="Institution the BBC is for"
              description="Printed on the BBC; the institution is informed if the enrolment at UM ends (Art 33.7)."
              data-autofocus
              value={bbcFor.institution}
              onChange={(e) => setBbcFor({ ...bbcFor, institution: e.currentTarget.value })}
            />
            <Group justify="flex-end">
              <Button
                disabled={bbcFor.institution.trim().length < 2}
                onClick={() => {
                  issueFor(bbcFor.enrolmentId, 'proof-of-payment', undefined, bbcFor.institution.trim());
                  setBbcFor(null);
                }}
              >
                Issue BBC
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>

      <Modal
        opened={change !== null}
        onClose={() => setChange(null)}
        title={change ? `${change.action === 'revoke' ? 'Revoke' : 'Reissue'} ${change.document.number}` : ''}
      >
        {change && (
          <Stack>
            <Text size="sm">
              {change.action === 'revoke'
                ? `Anyone who verifies ${change.document.number} will be told it is revoked, with this reason. This cannot be undone.`
                : `A new document is issued from today’s records; ${change.document.number} becomes superseded and verifying it says so.`}
            </Text>
            <TextInput
              label="Reason"
              data-autofocus
              value={change.reason}
              onChange={(e) => setChange({ ...change, reason: e.currentTarget.value })}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setChange(null)}>
                Cancel
              </Button>
              <Button
                color={change.action === 'revoke' ? 'red' : undefined}
                disabled={change.reason.trim().length < 3}
                loading={revoke.isPending || reissue.isPending}
                onClick={submitChange}
              >
                {change.action === 'revoke' ? `Revoke ${change.document.number}` : 'Reissue'}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>

      <Modal
        opened={preMaster !== null}
        onClose={() => setPreMaster(null)}
        title="Pre-master’s certificate (Art 8.3)"
      >
        {preMaster && (
          <Stack>
            <TextInput
              label="Completed successfully on"
              placeholder="2023-07-14"
              value={preMaster.completedOn}
              onChange={(e) => setPreMaster({ ...preMaster, completedOn: e.currentTarget.value })}
            />
            <Group justify="flex-end">
              <Button
                disabled={!/^\d{4}-\d{2}-\d{2}$/.test(preMaster.completedOn)}
                onClick={() => {
                  issueFor(preMaster.enrolmentId, 'pre-master-certificate', preMaster.completedOn);
                  setPreMaster(null);
                }}
              >
                Issue
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Paper>
  );
}
