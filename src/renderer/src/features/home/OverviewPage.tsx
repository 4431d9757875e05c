import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { desk, unwrap } from '../../api/desk-client';
import { showDeskError, showDone } from '../../api/show-error';
import { useHashRoute } from '../../api/useHashRoute';
import { useSession } from '../../api/useSession';
import { useCatalogueSummary } from '../catalogue/useCatalogue';

/** The start screen: what needs attention, and on an empty database the offer of demo data. */
export function OverviewPage() {
  const { staff } = useSession();
  const { navigate } = useHashRoute();
  const summary = useCatalogueSummary();
  const queryClient = useQueryClient();
  const loadDemo = useMutation({
    mutationFn: () => unwrap(desk.demo.load({})),
    onSuccess: (counts) => {
      showDone(
        `Loaded the demo data: ${counts.programmes} programmes, ${counts.courses} courses, ${counts.students} students.`,
      );
      void queryClient.invalidateQueries();
    },
    onError: (error) => showDeskError(error),
  });
  const isEmpty = summary.data !== undefined && summary.data.courses === 0 && summary.data.students === 0;
  const tiles = [
    {
      label: 'Courses without programme',
      value: summary.data?.orphanCourses,
      to: '/orphans',
      color: summary.data?.orphanCourses ? 'orange' : 'teal',
    },
    { label: 'Courses', value: summary.data?.courses, to: '/courses', color: 'blue' },
    { label: 'Programmes', value: summary.data?.programmes, to: '/programmes', color: 'blue' },
    { label: 'Course registrations', value: summary.data?.registrations, to: '/courses', color: 'gray' },
  ];
  return (
    <Stack>
      <Title order={2}>Good day, {staff?.displayName}</Title>
      {isEmpty && (
        <Alert color="blue" title="This database is empty">
          <Stack gap="xs">
            <Text size="sm">
              Import your catalogue (Import and export), or load the demo data to try the app: the programmes
              of Appendix I, courses per faculty, a few dozen courses without programme, and students with
              registrations.
            </Text>
            {staff?.role === 'admin' ? (
              <Group>
                <Button
                  loading={loadDemo.isPending}
                  onClick={() =>
                    modals.openConfirmModal({
                      title: 'Load the demo data?',
                      children: (
                        <Text size="sm">
                          Only for trying the app out: the demo students and courses are not real. Load them
                          into this database?
                        </Text>
                      ),
                      labels: { confirm: 'Load demo data', cancel: 'Cancel' },
                      onConfirm: () => loadDemo.mutate(),
                    })
                  }
                >
                  Load demo data
                </Button>
              </Group>
            ) : (
              <Text size="sm">Ask an administrator to load data.</Text>
            )}
          </Stack>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        {tiles.map((tile) => (
          <Card
            key={tile.label}
            withBorder
            component="button"
            onClick={() => navigate(tile.to)}
            style={{ textAlign: 'left', cursor: 'pointer' }}
          >
            <Text size="sm" c="dimmed">
              {tile.label}
            </Text>
            <Text fz={32} fw={700} c={tile.color}>
              {tile.value?.toLocaleString('en-GB') ?? '…'}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
