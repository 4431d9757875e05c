import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconAlertTriangle, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMemo, useState, type ReactNode } from 'react';
import type { StudentFile } from '../../../../shared/api/students.contract';
import type { StudentProfile } from '../../../../shared/facts/student-profile';
import { countryOptions } from '../fees/country-options';
import {
  addressKindLabels,
  countryName,
  degreeTypeLabels,
  diplomaLabels,
  optionsOf,
  permitTypeLabels,
} from './student-file-labels';
import { dateInputProps, StudentEditModal } from './StudentEditModal';

/** Props shared by the sections of the student file. */
export interface StudentFileSectionProps {
  file: StudentFile;
  /** Whether the signed-in role may change the file (desk, admin). */
  canEdit: boolean;
  onReload: () => void;
}

const wsfGroupOptions = 'abcdefghijklmno'
  .split('')
  .map((letter) => ({ value: letter, label: `App II ${letter}` }));

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

function Section(props: {
  title: string;
  canEdit: boolean;
  onEdit: () => void;
  editDisabledReason?: string | null;
  children: ReactNode;
}) {
  return (
    <Card withBorder component="section" aria-label={props.title} padding="md">
      <Group justify="space-between" mb="xs">
        <Title order={4}>{props.title}</Title>
        {props.canEdit && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPencil size={14} />}
            onClick={props.onEdit}
            disabled={Boolean(props.editDisabledReason)}
            title={props.editDisabledReason ?? undefined}
            aria-label={`Edit ${props.title.toLowerCase()}`}
          >
            Edit…
          </Button>
        )}
      </Group>
      {props.children}
    </Card>
  );
}

const needsPersonalFirst = 'Record the personal details (date of birth, nationalities) first.';
const stripProfile = (field: string) =>
  field.startsWith('profile.') ? field.slice('profile.'.length) : null;
const dash = (value: string | null | undefined) => (value ? value : '—');

/**
 * A section showing part of the student's profile, with an Edit dialog over the whole profile (the server
 * validates it as one). Editing waits for the personal details, which every profile starts from.
 */
function ProfileSection(props: {
  title: string;
  editTitle: string;
  file: StudentFile;
  canEdit: boolean;
  onReload: () => void;
  form: (form: UseFormReturnType<StudentProfile>) => ReactNode;
  children: ReactNode;
}) {
  const [isEditing, setEditing] = useState(false);
  const profile = props.file.profile;
  return (
    <Section
      title={props.title}
      canEdit={props.canEdit}
      onEdit={() => setEditing(true)}
      editDisabledReason={profile ? null : needsPersonalFirst}
    >
      {props.children}
      {isEditing && profile && (
        <StudentEditModal<StudentProfile>
          title={props.editTitle}
          file={props.file}
          onClose={() => setEditing(false)}
          onReload={props.onReload}
          initialValues={profile}
          fieldOf={stripProfile}
          toChange={(values) => ({ profile: values })}
        >
          {props.form}
        </StudentEditModal>
      )}
    </Section>
  );
}

// ------------------------------------------------------------------------------ personal & contact

interface PersonalValues extends Record<string, unknown> {
  givenNames: string;
  familyName: string;
  email: string;
  phone: string;
  dateOfBirth: string;
  nationalities: string[];
  brpNationality: string | null;
  registeredInBrp: boolean;
  brpRegisteredSince: string | null;
  countryOfResidence: string | null;
  addresses: {
    kind: 'home' | 'term' | 'postal';
    lines: string;
    postcode: string;
    city: string;
    country: string | null;
  }[];
}

function personalFieldOf(field: string): string | null {
  if (['givenNames', 'familyName', 'email'].includes(field)) return field;
  if (field === 'contact.phone') return 'phone';
  const address = /^contact\.addresses\.(\d+)\.(\w+)/.exec(field);
  if (address) return `addresses.${address[1]}.${address[2]}`;
  const profile = stripProfile(field);
  if (profile === null) return null;
  const [head] = profile.split('.');
  if (head === 'residence') return 'countryOfResidence';
  return head &&
    ['dateOfBirth', 'nationalities', 'brpNationality', 'registeredInBrp', 'brpRegisteredSince'].includes(head)
    ? head
    : null;
}

/** Names, date of birth, nationalities with the BRP registration, addresses and phone. */
export function PersonalSection({ file, canEdit, onReload }: StudentFileSectionProps) {
  const [isEditing, setEditing] = useState(false);
  const countries = useMemo(() => countryOptions(), []);
  const profile = file.profile;
  return (
    <Section title="Personal & contact" canEdit={canEdit} onEdit={() => setEditing(true)}>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
        <Fact label="Given names">{file.givenNames}</Fact>
        <Fact label="Family name">{file.familyName}</Fact>
        <Fact label="E-mail">{dash(file.email)}</Fact>
        <Fact label="Date of birth">{dash(profile?.dateOfBirth)}</Fact>
        <Fact label="Nationalities">
          {profile ? profile.nationalities.map(countryName).join(', ') || 'Stateless' : '—'}
        </Fact>
        <Fact label="BRP (Art 13.1d)">
          {profile
            ? profile.registeredInBrp
              ? `Registered${profile.brpRegisteredSince ? ` since ${profile.brpRegisteredSince}` : ''}${profile.brpNationality ? `; nationality ${countryName(profile.brpNationality)}` : ''}`
              : 'Not registered'
            : '—'}
        </Fact>
        <Fact label="Phone">{dash(file.contact.phone)}</Fact>
      </SimpleGrid>
      <Stack gap={4} mt="sm">
        <Text size="xs" c="dimmed">
          Addresses
        </Text>
        {file.contact.addresses.length === 0 && <Text size="sm">None recorded.</Text>}
        {file.contact.addresses.map((address, index) => (
          <Text size="sm" key={index}>
            <Badge variant="default" size="sm" mr="xs">
              {addressKindLabels[address.kind]}
            </Badge>
            {[
              ...address.lines,
              [address.postcode, address.city].filter(Boolean).join(' '),
              countryName(address.country),
            ].join(', ')}
          </Text>
        ))}
      </Stack>
      {isEditing && (
        <StudentEditModal<PersonalValues>
          title="Edit personal & contact"
          file={file}
          onClose={() => setEditing(false)}
          onReload={onReload}
          fieldOf={personalFieldOf}
          initialValues={{
            givenNames: file.givenNames,
            familyName: file.familyName,
            email: file.email ?? '',
            phone: file.contact.phone ?? '',
            dateOfBirth: profile?.dateOfBirth ?? '',
            nationalities: profile?.nationalities ?? [],
            brpNationality: profile?.brpNationality ?? null,
            registeredInBrp: profile?.registeredInBrp ?? false,
            brpRegisteredSince: profile?.brpRegisteredSince ?? null,
            countryOfResidence: profile?.residence.countryOfResidence ?? null,
            addresses: file.contact.addresses.map((address) => ({
              ...address,
              lines: address.lines.join('\n'),
              postcode: address.postcode ?? '',
            })),
          }}
          toChange={(values) => ({
            givenNames: values.givenNames,
            familyName: values.familyName,
            email: values.email.trim() === '' ? null : values.email.trim(),
            contact: {
              phone: values.phone.trim() === '' ? null : values.phone,
              addresses: values.addresses.map((address) => ({
                kind: address.kind,
                lines: address.lines
                  .split('\n')
                  .map((line) => line.trim())
                  .filter(Boolean),
                postcode: address.postcode.trim() === '' ? null : address.postcode,
                city: address.city,
                country: address.country ?? '',
              })),
            },
            profile: {
              ...(profile ?? {}),
              dateOfBirth: values.dateOfBirth,
              nationalities: values.nationalities,
              brpNationality: values.brpNationality,
              registeredInBrp: values.registeredInBrp,
              brpRegisteredSince: values.brpRegisteredSince,
              residence: profile?.residence ?? { countryOfResidence: values.countryOfResidence ?? '' },
            },
          })}
        >
          {(form) => (
            <>
              <SimpleGrid cols={2}>
                <TextInput label="Given names" required {...form.getInputProps('givenNames')} />
                <TextInput label="Family name" required {...form.getInputProps('familyName')} />
                <TextInput label="E-mail" type="email" {...form.getInputProps('email')} />
                <TextInput label="Phone" {...form.getInputProps('phone')} />
                <TextInput label="Date of birth" required {...dateInputProps(form, 'dateOfBirth')} />
                <MultiSelect
                  label="Nationalities"
                  searchable
                  data={countries}
                  {...form.getInputProps('nationalities')}
                />
                <Checkbox
                  label="Registered in the BRP (Art 13.1d)"
                  mt="lg"
                  {...form.getInputProps('registeredInBrp', { type: 'checkbox' })}
                />
                <TextInput label="In the BRP since" {...dateInputProps(form, 'brpRegisteredSince')} />
                <Select
                  label="Nationality in the BRP (Art 16.6)"
                  clearable
                  data={form
                    .getValues()
                    .nationalities.map((code) => ({ value: code, label: countryName(code) }))}
                  {...form.getInputProps('brpNationality')}
                />
                {profile === null && (
                  <Select
                    label="Lives in"
                    searchable
                    required
                    data={countries}
                    {...form.getInputProps('countryOfResidence')}
                  />
                )}
              </SimpleGrid>
              <Stack gap="xs">
                <Group justify="space-between">
                  <Text fw={500} size="sm">
                    Addresses
                  </Text>
                  <Button
                    size="xs"
                    variant="subtle"
                    leftSection={<IconPlus size={14} />}
                    onClick={() =>
                      form.insertListItem('addresses', {
                        kind: 'term',
                        lines: '',
                        postcode: '',
                        city: '',
                        country: 'NL',
                      })
                    }
                  >
                    Add address
                  </Button>
                </Group>
                {form.getValues().addresses.map((_, index) => (
                  <Card key={index} withBorder padding="xs">
                    <SimpleGrid cols={2} spacing="xs">
                      <Select
                        label="Kind"
                        data={optionsOf(addressKindLabels)}
                        {...form.getInputProps(`addresses.${index}.kind`)}
                      />
                      <Group justify="flex-end" align="flex-end">
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`Remove address ${index + 1}`}
                          onClick={() => form.removeListItem('addresses', index)}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Group>
                      <Textarea
                        label="Street and number (one line each)"
                        autosize
                        minRows={1}
                        {...form.getInputProps(`addresses.${index}.lines`)}
                      />
                      <TextInput label="Postcode" {...form.getInputProps(`addresses.${index}.postcode`)} />
                      <TextInput label="City" {...form.getInputProps(`addresses.${index}.city`)} />
                      <Select
                        label="Country"
                        searchable
                        data={countries}
                        {...form.getInputProps(`addresses.${index}.country`)}
                      />
                    </SimpleGrid>
                  </Card>
                ))}
              </Stack>
            </>
          )}
        </StudentEditModal>
      )}
    </Section>
  );
}

// ----------------------------------------------------------------------------------- residence

/** The Dutch residence document, where the student lives, and the WSF group on file. */
export function ResidenceFactsSection({ file, canEdit, onReload }: StudentFileSectionProps) {
  const countries = useMemo(() => countryOptions(), []);
  const profile = file.profile;
  const residence = profile?.residence;
  const ltr = residence?.longTermResident ?? null;
  return (
    <ProfileSection
      title="Residence"
      editTitle="Edit residence"
      file={file}
      canEdit={canEdit}
      onReload={onReload}
      form={(form) => {
        const permitType = form.getValues().residence.permit.type;
        return (
          <SimpleGrid cols={2}>
            <Select
              label="Lives in"
              searchable
              data={countries}
              {...form.getInputProps('residence.countryOfResidence')}
            />
            <Select
              label="Residence permit"
              data={optionsOf(permitTypeLabels)}
              allowDeselect={false}
              {...form.getInputProps('residence.permit.type')}
            />
            <TextInput label="Valid from" {...dateInputProps(form, 'residence.permit.validFrom')} />
            <TextInput label="Valid until" {...dateInputProps(form, 'residence.permit.validUntil')} />
            {permitType === 'regular-fixed-period' && (
              <MultiSelect
                label="Conditions of App II m"
                data={['1', '2', '3', '4', '5', '6', '7'].map((n) => ({ value: n, label: `${n}°` }))}
                value={form.getValues().residence.permit.groupMConditions.map(String)}
                onChange={(values) =>
                  form.setFieldValue('residence.permit.groupMConditions', values.map(Number))
                }
                error={form.errors['residence.permit.groupMConditions']}
              />
            )}
            <Select
              label="WSF group on file (App II)"
              clearable
              data={wsfGroupOptions}
              {...form.getInputProps('residence.recordedWsfGroup')}
            />
            <Checkbox
              label="Receives Dutch student finance (App II n)"
              {...form.getInputProps('residence.permit.receivesStudentFinance', { type: 'checkbox' })}
            />
            <Checkbox
              label="Received a WTOS allowance (App II o)"
              {...form.getInputProps('residence.hasReceivedWtosAllowance', { type: 'checkbox' })}
            />
          </SimpleGrid>
        );
      }}
    >
      {!residence ? (
        <Text size="sm" c="dimmed">
          Not recorded.
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
          <Fact label="Lives in (Art 2.2d, 13.1e)">{countryName(residence.countryOfResidence)}</Fact>
          <Fact label="Residence permit">{permitTypeLabels[residence.permit.type]}</Fact>
          <Fact label="Valid">
            {residence.permit.type === 'none'
              ? '—'
              : `${residence.permit.validFrom ?? '…'} – ${residence.permit.validUntil ?? 'indefinite'}`}
          </Fact>
          <Fact label="WSF group on file (App II)">
            {residence.recordedWsfGroup ? `App II ${residence.recordedWsfGroup}` : 'None recorded'}
          </Fact>
          <Fact label="EU long-term resident elsewhere (App II k)">
            {ltr
              ? `${countryName(ltr.memberState)}${ltr.decided ? `: ${ltr.decided}` : ''}${ltr.reviewedBy ? ` (${ltr.reviewedBy}, ${ltr.reviewedOn ?? ''})` : ''}`
              : 'No'}
          </Fact>
          {residence.hasReceivedWtosAllowance && <Fact label="WTOS (App II o)">Received an allowance</Fact>}
        </SimpleGrid>
      )}
    </ProfileSection>
  );
}

// ------------------------------------------------------------------------------ prior education

/** The diploma that gives admission (Art 13.1a, 15.1). */
export function PriorEducationSection({ file, canEdit, onReload }: StudentFileSectionProps) {
  const countries = useMemo(() => countryOptions(), []);
  const profile = file.profile;
  return (
    <ProfileSection
      title="Prior education"
      editTitle="Edit prior education"
      file={file}
      canEdit={canEdit}
      onReload={onReload}
      form={(form) => (
        <SimpleGrid cols={2}>
          <Select
            label="Diploma"
            data={optionsOf(diplomaLabels)}
            allowDeselect={false}
            {...form.getInputProps('priorEducation.diploma')}
          />
          <Select
            label="Obtained in"
            searchable
            clearable
            data={countries}
            {...form.getInputProps('priorEducation.country')}
          />
        </SimpleGrid>
      )}
    >
      {profile ? (
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
          <Fact label="Diploma">{diplomaLabels[profile.priorEducation.diploma]}</Fact>
          <Fact label="Obtained in">
            {profile.priorEducation.country ? countryName(profile.priorEducation.country) : 'Not recorded'}
          </Fact>
        </SimpleGrid>
      ) : (
        <Text size="sm" c="dimmed">
          Not recorded.
        </Text>
      )}
    </ProfileSection>
  );
}

// ------------------------------------------------------------------ Dutch higher education

/** Dutch degrees since 1991 and earlier enrolments (Art 1n, 2.2e, 16.1a). */
export function DutchHigherEducationSection({ file, canEdit, onReload }: StudentFileSectionProps) {
  const history = file.profile?.dutchHigherEducation;
  return (
    <ProfileSection
      title="Dutch higher education"
      editTitle="Edit Dutch higher education"
      file={file}
      canEdit={canEdit}
      onReload={onReload}
      form={(form) => (
        <Stack gap="xs">
          <Group justify="space-between">
            <Text fw={500} size="sm">
              Degrees since 1 September 1991 (Art 16.1a)
            </Text>
            <Button
              size="xs"
              variant="subtle"
              leftSection={<IconPlus size={14} />}
              onClick={() =>
                form.insertListItem('dutchHigherEducation.degrees', {
                  type: 'bachelor',
                  awardedOn: '',
                  graduationNotifiedOn: null,
                })
              }
            >
              Add degree
            </Button>
          </Group>
          {form.getValues().dutchHigherEducation.degrees.map((_, index) => (
            <Group key={`d${index}`} grow align="flex-end">
              <Select
                label="Degree"
                data={optionsOf(degreeTypeLabels)}
                allowDeselect={false}
                {...form.getInputProps(`dutchHigherEducation.degrees.${index}.type`)}
              />
              <TextInput
                label="Awarded on"
                {...dateInputProps(form, `dutchHigherEducation.degrees.${index}.awardedOn`)}
              />
              <RemoveButton
                label={`Remove degree ${index + 1}`}
                onClick={() => form.removeListItem('dutchHigherEducation.degrees', index)}
              />
            </Group>
          ))}
          <Group justify="space-between" mt="sm">
            <Text fw={500} size="sm">
              Earlier enrolments (Art 1n, 2.2e)
            </Text>
            <Button
              size="xs"
              variant="subtle"
              leftSection={<IconPlus size={14} />}
              onClick={() =>
                form.insertListItem('dutchHigherEducation.enrolments', {
                  institution: 'um',
                  programmeCode: null,
                  programmeName: null,
                  academicYear: '',
                  startedOn: '',
                  isCompleted: false,
                })
              }
            >
              Add enrolment
            </Button>
          </Group>
          {form.getValues().dutchHigherEducation.enrolments.map((_, index) => {
            const path = `dutchHigherEducation.enrolments.${index}`;
            return (
              <Card key={`e${index}`} withBorder padding="xs">
                <SimpleGrid cols={3} spacing="xs">
                  <Select
                    label="Institution"
                    data={[
                      { value: 'um', label: 'UM' },
                      { value: 'other-dutch', label: 'Other Dutch institution' },
                    ]}
                    allowDeselect={false}
                    {...form.getInputProps(`${path}.institution`)}
                  />
                  <TextInput
                    label="Academic year"
                    placeholder="2020-21"
                    {...form.getInputProps(`${path}.academicYear`)}
                  />
                  <TextInput label="Started on" {...dateInputProps(form, `${path}.startedOn`)} />
                  <TextInput
                    label="Programme code (UM)"
                    placeholder="b-medicine"
                    {...nullableTextProps(form.getInputProps(`${path}.programmeCode`), (value) =>
                      form.setFieldValue(`${path}.programmeCode`, value),
                    )}
                  />
                  <TextInput
                    label="Programme name"
                    {...nullableTextProps(form.getInputProps(`${path}.programmeName`), (value) =>
                      form.setFieldValue(`${path}.programmeName`, value),
                    )}
                  />
                  <Group justify="space-between" align="flex-end">
                    <Checkbox
                      label="Completed"
                      {...form.getInputProps(`${path}.isCompleted`, { type: 'checkbox' })}
                    />
                    <RemoveButton
                      label={`Remove enrolment ${index + 1}`}
                      onClick={() => form.removeListItem('dutchHigherEducation.enrolments', index)}
                    />
                  </Group>
                </SimpleGrid>
              </Card>
            );
          })}
        </Stack>
      )}
    >
      {!history || (history.degrees.length === 0 && history.enrolments.length === 0) ? (
        <Text size="sm" c="dimmed">
          No Dutch degree or earlier enrolment recorded.
        </Text>
      ) : (
        <Stack gap={4}>
          {history.degrees.map((degree, index) => (
            <Text size="sm" key={`d${index}`}>
              {degreeTypeLabels[degree.type]}, awarded {degree.awardedOn}
            </Text>
          ))}
          {history.enrolments.map((enrolment, index) => (
            <Text size="sm" key={`e${index}`}>
              {enrolment.academicYear}: {enrolment.institution === 'um' ? 'UM' : 'other Dutch institution'},{' '}
              {enrolment.programmeName ?? enrolment.programmeCode ?? 'no programme'} (from{' '}
              {enrolment.startedOn}
              {enrolment.isCompleted ? ', completed' : ''})
            </Text>
          ))}
        </Stack>
      )}
    </ProfileSection>
  );
}

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <ActionIcon variant="subtle" color="red" aria-label={label} onClick={onClick} style={{ flexGrow: 0 }}>
      <IconTrash size={16} />
    </ActionIcon>
  );
}

function nullableTextProps(props: { value?: unknown; error?: unknown }, set: (value: string | null) => void) {
  return {
    value: (props.value as string | null | undefined) ?? '',
    error: props.error as ReactNode,
    onChange: (event: { currentTarget: { value: string } }) => set(event.currentTarget.value.trim() || null),
  };
}

// ------------------------------------------------------------------------------- Art 3 flags

/** The facts of Article 3 as warnings, each with its article. */
export function RefusalFlagsSection({ file, canEdit, onReload }: StudentFileSectionProps) {
  const flags = file.profile?.refusalFlags;
  const warnings: { article: string; title: string; text: string }[] = [];
  for (const advice of flags?.negativeBindingStudyAdvice ?? [])
    warnings.push({
      article: 'Art 3.1',
      title: 'Negative binding study advice',
      text: `${advice.programmeCode}, issued ${advice.issuedOn}; refusal term until ${advice.termUntil}${advice.hardshipAppeal === 'none' ? '' : `; hardship appeal ${advice.hardshipAppeal}`}.`,
    });
  if (flags?.seriousFraudTermination)
    warnings.push({
      article: 'Art 3.2',
      title: 'Enrolment terminated for serious fraud',
      text: `Terminated on ${flags.seriousFraudTermination.terminatedOn}${flags.seriousFraudTermination.programmeCode ? ` (${flags.seriousFraudTermination.programmeCode})` : ''}.`,
    });
  for (const termination of flags?.iudiciumAbeundi ?? [])
    warnings.push({
      article: 'Art 3.3',
      title: 'Iudicium abeundi',
      text: `${termination.programmeName} (${termination.institution === 'um' ? 'UM' : 'another institution'}), terminated on ${termination.terminatedOn}.`,
    });
  if (flags?.disciplinaryTermination)
    warnings.push({
      article: 'Art 3.4',
      title: 'Enrolment terminated for violating internal regulations',
      text: `Terminated on ${flags.disciplinaryTermination.terminatedOn}.`,
    });
  if (flags && (flags.arrears.debts.length > 0 || flags.arrears.terminationForArrears))
    warnings.push({
      article: 'Art 3.5',
      title: 'Arrears',
      text: flags.arrears.terminationForArrears
        ? `Enrolment terminated for arrears on ${flags.arrears.terminationForArrears.effectiveDate}${flags.arrears.terminationForArrears.allChargesPaidOn ? `; all paid on ${flags.arrears.terminationForArrears.allChargesPaidOn}` : '; not yet paid'}.`
        : `${flags.arrears.debts.length} debt(s) to UM on file.`,
    });

  return (
    <ProfileSection
      title="Art 3 flags"
      editTitle="Edit Art 3 flags"
      file={file}
      canEdit={canEdit}
      onReload={onReload}
      form={(form) => {
        const values = form.getValues().refusalFlags;
        return (
          <Stack gap="xs">
            <Group justify="space-between">
              <Text fw={500} size="sm">
                Negative binding study advice (Art 3.1)
              </Text>
              <Button
                size="xs"
                variant="subtle"
                leftSection={<IconPlus size={14} />}
                onClick={() =>
                  form.insertListItem('refusalFlags.negativeBindingStudyAdvice', {
                    programmeCode: '',
                    sharedFirstPhaseProgrammeCodes: [],
                    issuedOn: '',
                    termUntil: '',
                    hardshipAppeal: 'none',
                  })
                }
              >
                Add advice
              </Button>
            </Group>
            {values.negativeBindingStudyAdvice.map((_, index) => {
              const path = `refusalFlags.negativeBindingStudyAdvice.${index}`;
              return (
                <Group key={index} grow align="flex-end">
                  <TextInput
                    label="Programme code"
                    placeholder="b-medicine"
                    {...form.getInputProps(`${path}.programmeCode`)}
                  />
                  <TextInput label="Issued on" {...dateInputProps(form, `${path}.issuedOn`)} />
                  <TextInput label="Term until" {...dateInputProps(form, `${path}.termUntil`)} />
                  <Select
                    label="Hardship appeal"
                    allowDeselect={false}
                    data={['none', 'pending', 'rejected', 'upheld']}
                    {...form.getInputProps(`${path}.hardshipAppeal`)}
                  />
                  <RemoveButton
                    label={`Remove advice ${index + 1}`}
                    onClick={() => form.removeListItem('refusalFlags.negativeBindingStudyAdvice', index)}
                  />
                </Group>
              );
            })}
            <TerminationField
              label="Terminated for serious fraud (Art 3.2) on"
              value={values.seriousFraudTermination?.terminatedOn ?? null}
              error={form.errors['refusalFlags.seriousFraudTermination.terminatedOn']}
              onChange={(terminatedOn) =>
                form.setFieldValue(
                  'refusalFlags.seriousFraudTermination',
                  terminatedOn === null ? null : { terminatedOn, programmeCode: null },
                )
              }
            />
            <TerminationField
              label="Terminated for violating internal regulations (Art 3.4) on"
              value={values.disciplinaryTermination?.terminatedOn ?? null}
              error={form.errors['refusalFlags.disciplinaryTermination.terminatedOn']}
              onChange={(terminatedOn) =>
                form.setFieldValue(
                  'refusalFlags.disciplinaryTermination',
                  terminatedOn === null ? null : { terminatedOn, programmeCode: null },
                )
              }
            />
            <Text size="xs" c="dimmed">
              Iudicium abeundi (Art 3.3) and arrears (Art 3.5) are shown as recorded; arrears follow from the
              ledger.
            </Text>
          </Stack>
        );
      }}
    >
      {warnings.length === 0 ? (
        <Text size="sm" c="dimmed">
          No Art 3 flag recorded.
        </Text>
      ) : (
        <Stack gap="xs">
          {warnings.map((warning, index) => (
            <Alert
              key={index}
              color="orange"
              variant="light"
              icon={<IconAlertTriangle size={18} />}
              title={`${warning.article} · ${warning.title}`}
            >
              {warning.text}
            </Alert>
          ))}
        </Stack>
      )}
    </ProfileSection>
  );
}

function TerminationField(props: {
  label: string;
  value: string | null;
  error: ReactNode;
  onChange: (value: string | null) => void;
}) {
  return (
    <TextInput
      label={props.label}
      description="Leave empty when there is none."
      type="date"
      value={props.value ?? ''}
      error={props.error}
      onChange={(event) => props.onChange(event.currentTarget.value || null)}
    />
  );
}
