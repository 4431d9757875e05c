import { Alert, Badge, Button, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPin, IconPinnedOff } from '@tabler/icons-react';
import { useState } from 'react';
import type { CallOutput } from '../../../../shared/api';
import { formatCents } from '../../../../shared/money';
import { ReasonList, reasonKey } from '../../components/ReasonList';
import { FactsForm } from './FactsForm';
import { useFeeQuote, type FeeFactsInput } from './useFeeQuote';

type Quote = CallOutput<'fees:quote'>;

const firstYearEuBachelor: FeeFactsInput = {
  programmeCode: 'b-econometrics-and-operations-research',
  nationalities: ['DE'],
  startDate: '2022-09-01',
};

/** One assessment: amount, kind and the reasons with their articles. */
function QuoteCard({
  title,
  quote,
  compareWith,
}: {
  title: string;
  quote: Quote;
  compareWith?: Quote | undefined;
}) {
  const other = compareWith ? new Set(compareWith.tuition.reasons.map(reasonKey)) : undefined;
  const changed = other
    ? new Set(quote.tuition.reasons.map(reasonKey).filter((key) => !other.has(key)))
    : undefined;
  const difference = compareWith ? quote.tuition.amountCents - compareWith.tuition.amountCents : 0;
  return (
    <Card withBorder padding="lg" aria-label={title} component="section">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Text size="sm" c="dimmed">
              {title}
            </Text>
            <Text fz={34} fw={700} aria-label="Tuition amount">
              {formatCents(quote.tuition.amountCents)}
            </Text>
            {quote.tuition.amountCents !== quote.tuition.annualAmountCents && (
              <Text size="sm" c="dimmed">
                of {formatCents(quote.tuition.annualAmountCents)} for a whole year
              </Text>
            )}
          </div>
          <Stack gap={4} align="flex-end">
            <Badge size="lg" variant="light" aria-label="Fee kind">
              {quote.tuition.kindLabel}
            </Badge>
            {compareWith && difference !== 0 && (
              <Badge color={difference > 0 ? 'red' : 'teal'} variant="light" aria-label="Difference">
                {difference > 0 ? '+' : '−'}
                {formatCents(Math.abs(difference))}
              </Badge>
            )}
          </Stack>
        </Group>
        <ReasonList
          reasons={quote.tuition.reasons}
          label={`Reasons: ${title}`}
          {...(changed ? { highlighted: changed } : {})}
        />
        <Text size="sm" fw={600} mt="xs">
          Handling fee: {quote.handlingFee.isDue ? formatCents(quote.handlingFee.amountCents) : 'not due'}
        </Text>
        <ReasonList reasons={quote.handlingFee.reasons} label={`Handling fee reasons: ${title}`} />
      </Stack>
    </Card>
  );
}

/** What-if calculator: the fee for any set of facts, and side by side with a pinned baseline after changing a fact. */
export function FeeCalculatorPage() {
  const [facts, setFacts] = useState<FeeFactsInput>(firstYearEuBachelor);
  const [debounced] = useDebouncedValue(facts, 200);
  const [baseline, setBaseline] = useState<{ facts: FeeFactsInput; quote: Quote } | null>(null);
  const quote = useFeeQuote(debounced);

  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>Fee calculator</Title>
          <Text c="dimmed" size="sm" maw={760}>
            The tuition, examination or study fee for any facts, with every article that decides it (Art
            15–30, App I–III). Pin the current result, change one fact, and compare.
          </Text>
        </div>
        {baseline ? (
          <Button
            variant="default"
            leftSection={<IconPinnedOff size={16} />}
            onClick={() => setBaseline(null)}
          >
            Unpin
          </Button>
        ) : (
          <Button
            leftSection={<IconPin size={16} />}
            disabled={!quote.data || quote.isPlaceholderData}
            onClick={() => quote.data && setBaseline({ facts, quote: quote.data })}
          >
            Pin to compare
          </Button>
        )}
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <FactsForm value={facts} onChange={setFacts} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack>
            {quote.error && (
              <Alert color="red" title="These facts cannot be assessed" role="alert">
                {quote.error.message}
              </Alert>
            )}
            {baseline && <QuoteCard title="Pinned" quote={baseline.quote} />}
            {quote.data && (
              <QuoteCard
                title={baseline ? 'With your change' : 'Assessment'}
                quote={quote.data}
                compareWith={baseline?.quote}
              />
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
