import {
  AppShell,
  Badge,
  Button,
  Center,
  Group,
  Kbd,
  Loader,
  NavLink,
  ScrollArea,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import {
  IconBooks,
  IconAlarm,
  IconCalculator,
  IconCalendarDollar,
  IconChartBar,
  IconFileCertificate,
  IconFileStack,
  IconFileSpreadsheet,
  IconGavel,
  IconHistory,
  IconHome,
  IconId,
  IconInbox,
  IconPlaneDeparture,
  IconShieldCheck,
  IconLinkOff,
  IconReceiptRefund,
  IconSearch,
  IconSchool,
  IconUserSearch,
  IconUsers,
  IconWorld,
} from '@tabler/icons-react';
import { spotlight } from '@mantine/spotlight';
import { Fragment, type ReactNode } from 'react';
import type { Role } from '../../shared/api';
import { useHashRoute } from './api/useHashRoute';
import { useSession } from './api/useSession';
import { ArrearsPage } from './features/arrears/ArrearsPage';
import { CommandPalette } from './features/command-palette/CommandPalette';
import { AuditPage } from './features/audit/AuditPage';
import { CoursesPage } from './features/catalogue/CoursesPage';
import { DocumentsPage } from './features/enrolments/DocumentsPage';
import { ExchangePage } from './features/exchange/ExchangePage';
import { OrphanCoursesPage } from './features/catalogue/OrphanCoursesPage';
import { ProgrammesPage } from './features/catalogue/ProgrammesPage';
import { FeeCalculatorPage } from './features/fees/FeeCalculatorPage';
import { formatLongDate } from './features/fees/long-date';
import { PaymentPlanPage } from './features/fees/PaymentPlanPage';
import { RefundCalculatorPage } from './features/fees/RefundCalculatorPage';
import { OverviewPage } from './features/home/OverviewPage';
import { ProvisionsPage } from './features/provisions/ProvisionsPage';
import { RequestsPage } from './features/requests/RequestsPage';
import { IndNotificationsPage } from './features/residence/IndNotificationsPage';
import { VerifyPage } from './features/issuing/VerifyPage';
import { BatchIssuePage } from './features/issuing/BatchIssuePage';
import { LongTermResidentCheckPage } from './features/residence/LongTermResidentCheckPage';
import { SetupAdministratorPage } from './features/session/SetupAdministratorPage';
import { SignInPage } from './features/session/SignInPage';
import { StaffPage } from './features/staff/StaffPage';
import { StudentsPage } from './features/students/StudentsPage';
import { StudyProgressPage } from './features/study-progress/StudyProgressPage';
import { ImportExportPage } from './features/transfer/ImportExportPage';

interface Screen {
  readonly path: string;
  readonly label: string;
  readonly icon: ReactNode;
  readonly page: () => ReactNode;
  /** Roles that see the screen; default every role. */
  readonly roles?: readonly Role[];
  /** The heading it is listed under in the navigation; none for the overview. */
  readonly group?: string;
}

const screens: readonly Screen[] = [
  { path: '/', label: 'Overview', icon: <IconHome size={18} />, page: () => <OverviewPage /> },
  {
    group: 'Students',
    path: '/students',
    label: 'Students and fees',
    icon: <IconUserSearch size={18} />,
    page: () => <StudentsPage />,
  },
  {
    group: 'Students',
    path: '/documents',
    label: 'Documents',
    icon: <IconFileCertificate size={18} />,
    page: () => <DocumentsPage />,
  },
  {
    group: 'Students',
    path: '/requests',
    label: 'Requests to the SSC',
    icon: <IconInbox size={18} />,
    page: () => <RequestsPage />,
  },
  {
    group: 'Students',
    path: '/ltr',
    label: 'EU long-term resident check',
    icon: <IconId size={18} />,
    page: () => <LongTermResidentCheckPage />,
  },
  {
    group: 'Students',
    path: '/ind',
    label: 'IND notifications',
    icon: <IconPlaneDeparture size={18} />,
    page: () => <IndNotificationsPage />,
  },
  {
    group: 'Students',
    path: '/study-progress',
    label: 'Study progress',
    icon: <IconChartBar size={18} />,
    page: () => <StudyProgressPage />,
  },
  {
    group: 'Students',
    path: '/exchange',
    label: 'Exchange',
    icon: <IconWorld size={18} />,
    page: () => <ExchangePage />,
  },
  {
    group: 'Fees',
    path: '/arrears',
    label: 'Arrears',
    icon: <IconAlarm size={18} />,
    page: () => <ArrearsPage />,
  },
  {
    group: 'Fees',
    path: '/fees',
    label: 'Fee calculator',
    icon: <IconCalculator size={18} />,
    page: () => <FeeCalculatorPage />,
  },
  {
    group: 'Fees',
    path: '/refunds',
    label: 'Refund calculator',
    icon: <IconReceiptRefund size={18} />,
    page: () => <RefundCalculatorPage />,
  },
  {
    group: 'Fees',
    path: '/payment-plan',
    label: 'Payment plan',
    icon: <IconCalendarDollar size={18} />,
    page: () => <PaymentPlanPage />,
  },
  {
    group: 'Official documents',
    path: '/batch',
    label: 'Batch issue',
    icon: <IconFileStack size={18} />,
    page: () => <BatchIssuePage />,
    roles: ['desk', 'ssc', 'admin'],
  },
  {
    group: 'Official documents',
    path: '/verify',
    label: 'Verify a document',
    icon: <IconShieldCheck size={18} />,
    page: () => <VerifyPage />,
  },
  {
    group: 'Catalogue',
    path: '/orphans',
    label: 'Courses without programme',
    icon: <IconLinkOff size={18} />,
    page: () => <OrphanCoursesPage />,
  },
  {
    group: 'Catalogue',
    path: '/courses',
    label: 'Courses',
    icon: <IconBooks size={18} />,
    page: () => <CoursesPage />,
  },
  {
    group: 'Catalogue',
    path: '/programmes',
    label: 'Programmes',
    icon: <IconSchool size={18} />,
    page: () => <ProgrammesPage />,
  },
  {
    group: 'Catalogue',
    path: '/transfer',
    label: 'Import and export',
    icon: <IconFileSpreadsheet size={18} />,
    page: () => <ImportExportPage />,
  },
  {
    group: 'Reference and administration',
    path: '/provisions',
    label: 'Enrolment Provisions',
    icon: <IconGavel size={18} />,
    page: () => <ProvisionsPage />,
  },
  {
    group: 'Reference and administration',
    path: '/audit',
    label: 'Audit trail',
    icon: <IconHistory size={18} />,
    page: () => <AuditPage />,
  },
  {
    group: 'Reference and administration',
    path: '/staff',
    label: 'Staff',
    icon: <IconUsers size={18} />,
    page: () => <StaffPage />,
    roles: ['admin'],
  },
];

const roleNames: Record<Role, string> = { desk: 'Desk', iro: 'IRO', ssc: 'SSC', admin: 'Administrator' };

/** The application: first-run set-up, sign-in, or the shell with navigation by area. */
export function App() {
  const session = useSession();
  const { path, navigate } = useHashRoute();
  if (session.isLoading) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  if (session.needsSetup) return <SetupAdministratorPage />;
  if (!session.staff) return <SignInPage />;
  const role = session.staff.role;
  const visible = screens.filter((screen) => !screen.roles || screen.roles.includes(role));
  const current = visible.find((screen) => screen.path === path) ?? visible[0];

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 250, breakpoint: 'sm' }} padding="lg">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Title order={4}>Student Affairs Desk</Title>
          <Group gap="sm">
            <Button
              variant="default"
              size="xs"
              leftSection={<IconSearch size={14} />}
              rightSection={<Kbd size="xs">Ctrl K</Kbd>}
              onClick={() => spotlight.open()}
              aria-label="Jump to a student or screen (Ctrl+K)"
            >
              Jump to…
            </Button>
            {session.isSimulatedToday && (
              <Tooltip label="The desk runs as of this day (DESK_TODAY): deadlines and date fields follow it.">
                <Badge color="grape" variant="light" aria-label="Desk date">
                  As of {formatLongDate(session.today())}
                </Badge>
              </Tooltip>
            )}
            <Text size="sm" aria-label="Signed in as">
              {session.staff.displayName}
            </Text>
            <Badge variant="light">{roleNames[role]}</Badge>
            <Button variant="subtle" size="xs" onClick={() => void session.signOut()}>
              Sign out
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <AppShell.Section component={ScrollArea} grow>
          <nav aria-label="Areas">
            {visible.map((screen, index) => (
              <Fragment key={screen.path}>
                {screen.group !== undefined && screen.group !== visible[index - 1]?.group && (
                  <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" pt="md" pb={4}>
                    {screen.group}
                  </Text>
                )}
                <NavLink
                  href={`#${screen.path}`}
                  label={screen.label}
                  leftSection={screen.icon}
                  active={screen === current}
                  onClick={(event) => {
                    event.preventDefault();
                    navigate(screen.path);
                  }}
                />
              </Fragment>
            ))}
          </nav>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>{current?.page()}</AppShell.Main>
      <CommandPalette screens={visible} />
    </AppShell>
  );
}
