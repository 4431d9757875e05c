import { Alert, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconShieldCheck, IconUpload } from '@tabler/icons-react';
import { useState, type DragEvent } from 'react';
import type { VerificationResult } from '../../../../shared/api/documents.contract';
import { showDeskError } from '../../api/show-error';
import { useVerifyDocument } from './useIssuedDocuments';

const outcomeColours: Record<VerificationResult['outcome'], string> = {
  valid: 'teal',
  revoked: 'red',
  superseded: 'orange',
  unknown: 'gray',
  altered: 'red',
};

const outcomeTitles: Record<VerificationResult['outcome'], string> = {
  valid: 'Valid',
  revoked: 'Revoked',
  superseded: 'Superseded',
  unknown: 'Unknown',
  altered: 'Altered',
};

/** Reads a file as base64, without the data URL's prefix. */
function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () =>
      resolve((typeof reader.result === 'string' ? reader.result : '').replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name}.`));
    reader.readAsDataURL(file);
  });
}

/** What the register says, as the verifier sees it. */
function VerificationAnswer({ result }: { result: VerificationResult }) {
  return (
    <div role="status" aria-label="Verification result">
      <Alert color={outcomeColours[result.outcome]} title={outcomeTitles[result.outcome]}>
        <Stack gap="xs">
          <Text size="sm">{result.message}</Text>
          {result.document && (
            <Table withRowBorders={false} verticalSpacing={2} fz="sm">
              <Table.Tbody>
                {[
                  ['Document', `${result.document.kindLabel} ${result.document.number}`],
                  ...result.document.contents,
                  ['Issued', `${result.document.issuedAt.slice(0, 10)} by ${result.document.issuedBy}`],
                  ['Status', result.document.status],
                  ['SHA-256', result.document.sha256],
                ].map(([label, value]) => (
                  <Table.Tr key={label}>
                    <Table.Th w={180}>{label}</Table.Th>
                    <Table.Td style={{ wordBreak: 'break-all' }}>{value}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Alert>
    </div>
  );
}

/** The Verify screen: paste a verification code (or the QR code's address) or drop a presented PDF. */
export function VerifyPage() {
  const verify = useVerifyDocument();
  const [code, setCode] = useState('');
  const [isDragging, setIsDragging] = useState(false);
  const [fileName, setFileName] = useState<string | null>(null);

  const verifyFile = (file: File | undefined) => {
    if (!file) return;
    setFileName(file.name);
    readAsBase64(file).then(
      (pdfBase64) => verify.mutate({ pdfBase64 }, { onError: (e) => showDeskError(e) }),
      (error: unknown) => showDeskError(error),
    );
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setIsDragging(false);
    verifyFile(event.dataTransfer.files[0]);
  };

  return (
    <Stack maw={900}>
      <Group gap="xs">
        <IconShieldCheck size={24} />
        <Title order={2}>Verify a document</Title>
      </Group>
      <Text c="dimmed" size="sm">
        Check a BBC or certificate someone presents: enter the verification code printed at the foot of each
        page, or drop the PDF file itself to find out whether it is exactly the document the office issued.
      </Text>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setFileName(null);
          verify.mutate({ code }, { onError: (e) => showDeskError(e) });
        }}
      >
        <Group align="flex-end">
          <TextInput
            label="Verification code"
            placeholder="K7Q2-9MXD-4TZP-H3WA"
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            style={{ flex: 1 }}
          />
          <Button type="submit" disabled={code.trim() === ''} loading={verify.isPending}>
            Verify code
          </Button>
        </Group>
      </form>
      <Paper
        withBorder
        p="lg"
        onDragOver={(event) => {
          event.preventDefault();
          setIsDragging(true);
        }}
        onDragLeave={() => setIsDragging(false)}
        onDrop={onDrop}
        bg={isDragging ? 'var(--mantine-color-blue-light)' : undefined}
        style={{ borderStyle: 'dashed' }}
      >
        <Stack align="center" gap="xs">
          <IconUpload size={28} />
          <Text size="sm">Drop the PDF here, or choose it:</Text>
          <input
            type="file"
            accept="application/pdf,.pdf"
            aria-label="PDF to verify"
            onChange={(event) => verifyFile(event.currentTarget.files?.[0])}
          />
          {fileName && (
            <Text size="xs" c="dimmed">
              {fileName}
            </Text>
          )}
        </Stack>
      </Paper>
      {verify.data && <VerificationAnswer result={verify.data} />}
    </Stack>
  );
}
