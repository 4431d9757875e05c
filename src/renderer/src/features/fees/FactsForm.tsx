import {
  Checkbox,
  Fieldset,
  Group,
  MultiSelect,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMemo } from 'react';
import { feeFactsSchema } from '../../../../shared/facts/fee-facts';
import { FactsJsonEditor } from '../../components/FactsJsonEditor';
import { countryOptions } from './country-options';
import { useFeeProgrammes, type FeeFactsInput } from './useFeeQuote';

/** Props of FactsForm. */
export interface FactsFormProps {
  value: FeeFactsInput;
  onChange: (facts: FeeFactsInput) => void;
  /** Whether programme, kind, mode and start come from an application shown beside the form and are hidden here. Default false. */
  isEnrolmentFromApplication?: boolean;
}

const wsfGroups = ['d', 'f', 'g', 'h', 'i', 'j', 'l', 'm', 'n', 'o'] as const;
type Permit = NonNullable<FeeFactsInput['residencePermit']>;

/**
 * The facts of a student and an enrolment that decide the fee, with a control for each common fact
 * and the whole facts document as JSON for the rest.
 */
export function FactsForm({ value, onChange, isEnrolmentFromApplication = false }: FactsFormProps) {
  const programmes = useFeeProgrammes();
  const countries = useMemo(() => countryOptions(), []);
  const set = (patch: Partial<FeeFactsInput>) => onChange({ ...value, ...patch });
  const permit = value.residencePermit ?? null;
  const setPermit = (patch: Partial<Permit> | null) =>
    set({ residencePermit: patch === null ? null : { ...(permit ?? {}), ...patch } });
  const firstEnrolment = value.rodHo?.firstEnrolment ?? null;
  const degrees = value.rodHo?.degrees ?? [];
  const nationalities = value.nationalities;

  return (
    <Stack gap="md">
      <Fieldset legend="Enrolment">
        <Stack gap="sm">
          {!isEnrolmentFromApplication && (
            <>
              <Select
                label="Programme"
                searchable
                clearable
                data={(programmes.data ?? []).map((p) => ({ value: p.code, label: p.name }))}
                value={value.programmeCode ?? null}
                onChange={(code) => set({ programmeCode: code })}
                nothingFoundMessage="No programme matches"
              />
              <Stack gap="sm">
                <div>
                  <Text size="sm" fw={500}>
                    Kind
                  </Text>
                  <SegmentedControl
                    fullWidth
                    aria-label="Kind of enrolment"
                    data={[
                      { value: 'regular', label: 'Regular' },
                      { value: 'external', label: 'External' },
                      { value: 'exchange', label: 'Exchange' },
                      { value: 'subsidiary', label: 'Subsidiary' },
                    ]}
                    value={value.enrolmentKind ?? 'regular'}
                    onChange={(kind) => set({ enrolmentKind: kind })}
                  />
                </div>
                <div>
                  <Text size="sm" fw={500}>
                    Mode
                  </Text>
                  <SegmentedControl
                    fullWidth
                    aria-label="Mode"
                    data={[
                      { value: 'full-time', label: 'Full-time' },
                      { value: 'part-time', label: 'Part-time' },
                    ]}
                    value={value.mode ?? 'full-time'}
                    onChange={(mode) => set({ mode })}
                  />
                </div>
              </Stack>
              <Group grow align="flex-end">
                <TextInput
                  label="Start date"
                  type="date"
                  value={value.startDate ?? ''}
                  onChange={(e) => set({ startDate: e.currentTarget.value || undefined })}
                />
                <Checkbox
                  label="Interim start permitted by the SSC director (Art 4.4)"
                  checked={value.isInterimEnrolmentPermitted ?? false}
                  onChange={(e) => set({ isInterimEnrolmentPermitted: e.currentTarget.checked })}
                />
              </Group>
            </>
          )}
          <Checkbox
            label="Re-enrolment (enrolled at UM in an earlier year)"
            checked={value.isReEnrolment ?? false}
            onChange={(e) => set({ isReEnrolment: e.currentTarget.checked })}
          />
          {value.programmeCode?.startsWith('pm-') && (
            <Group grow>
              <NumberInput
                label="Pre-master's ECTS (Art 28.2)"
                min={1}
                value={value.preMaster?.ects ?? 60}
                onChange={(ects) =>
                  set({ preMaster: { ...(value.preMaster ?? {}), ects: Number(ects) || 60 } })
                }
              />
              <Checkbox
                mt="lg"
                label="Tailored programme"
                checked={value.preMaster?.isTailored ?? false}
                onChange={(e) =>
                  set({
                    preMaster: { ects: value.preMaster?.ects ?? 60, isTailored: e.currentTarget.checked },
                  })
                }
              />
            </Group>
          )}
        </Stack>
      </Fieldset>

      <Fieldset legend="Nationality and residence">
        <Stack gap="sm">
          <MultiSelect
            label="Nationalities"
            searchable
            data={countries}
            value={nationalities}
            onChange={(codes) =>
              set({
                nationalities: codes,
                brpNationality: codes.includes(value.brpNationality ?? '') ? value.brpNationality : null,
              })
            }
          />
          <SimpleGrid cols={2}>
            <Select
              label="Nationality registered in the BRP (Art 16.6)"
              clearable
              data={countries.filter((c) => nationalities.includes(c.value))}
              value={value.brpNationality ?? null}
              onChange={(code) => set({ brpNationality: code })}
            />
            <TextInput
              label="Registered in the BRP since"
              type="date"
              value={value.brpRegisteredSince ?? ''}
              onChange={(e) => set({ brpRegisteredSince: e.currentTarget.value || null })}
            />
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <Select
              label="Dutch residence permit"
              data={[
                { value: 'none', label: 'None' },
                { value: 'study', label: 'Study (purpose of stay)' },
                { value: 'other', label: 'Other purpose' },
              ]}
              value={permit === null ? 'none' : (permit.purpose ?? 'other')}
              allowDeselect={false}
              onChange={(purpose) =>
                setPermit(
                  purpose === 'none' || purpose === null ? null : { purpose: purpose as Permit['purpose'] },
                )
              }
            />
            <Select
              label="Its WSF 2000 group (App II)"
              clearable
              disabled={permit === null}
              data={wsfGroups.map((g) => ({ value: g, label: `Group ${g}` }))}
              value={permit?.wsfGroup ?? null}
              onChange={(group) => setPermit({ wsfGroup: group as Permit['wsfGroup'] })}
            />
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <Select
              label="EU long-term resident of (App II k)"
              clearable
              searchable
              data={countries}
              value={value.euLongTermResidence?.memberState ?? null}
              onChange={(state) =>
                set({
                  euLongTermResidence: state
                    ? { memberState: state, permitTerm: value.euLongTermResidence?.permitTerm ?? '' }
                    : null,
                })
              }
            />
            <TextInput
              label="Wording on the residence document (App III)"
              disabled={!value.euLongTermResidence}
              value={value.euLongTermResidence?.permitTerm ?? ''}
              onChange={(e) =>
                value.euLongTermResidence &&
                set({
                  euLongTermResidence: { ...value.euLongTermResidence, permitTerm: e.currentTarget.value },
                })
              }
            />
          </SimpleGrid>
          <Select
            label="Refugee status (Art 25–26)"
            data={[
              { value: 'none', label: 'None' },
              { value: 'recognised-refugee', label: 'Recognised refugee' },
              { value: 'w-document', label: 'W-document' },
            ]}
            value={value.refugee?.status ?? 'none'}
            allowDeselect={false}
            onChange={(status) =>
              set({
                refugee: status === 'none' || status === null ? null : { ...(value.refugee ?? {}), status },
              })
            }
          />
        </Stack>
      </Fieldset>

      <Fieldset legend="Dutch higher education (ROD HO)">
        <Stack gap="sm">
          <SimpleGrid cols={2}>
            <TextInput
              label="First Dutch HE enrolment since 1991"
              type="date"
              value={firstEnrolment?.startedOn ?? ''}
              onChange={(e) =>
                set({
                  rodHo: {
                    ...(value.rodHo ?? {}),
                    firstEnrolment: e.currentTarget.value
                      ? { ...(firstEnrolment ?? {}), startedOn: e.currentTarget.value }
                      : null,
                  },
                })
              }
            />
            <Checkbox
              mt="lg"
              label="That enrolment had the low statutory fee"
              disabled={firstEnrolment === null}
              checked={firstEnrolment?.hadLowStatutoryFee ?? false}
              onChange={(e) =>
                firstEnrolment &&
                set({
                  rodHo: {
                    ...(value.rodHo ?? {}),
                    firstEnrolment: { ...firstEnrolment, hadLowStatutoryFee: e.currentTarget.checked },
                  },
                })
              }
            />
          </SimpleGrid>
          <SimpleGrid cols={2}>
            <Select
              label="Dutch degree since 1991"
              data={[
                { value: 'none', label: 'None' },
                { value: 'bachelor', label: "Bachelor's" },
                { value: 'master', label: "Master's" },
              ]}
              value={
                degrees[0]?.type === 'bachelor' || degrees[0]?.type === 'master' ? degrees[0].type : 'none'
              }
              allowDeselect={false}
              onChange={(type) =>
                set({
                  rodHo: {
                    ...(value.rodHo ?? {}),
                    degrees:
                      type === 'bachelor' || type === 'master'
                        ? [{ type, awardedOn: degrees[0]?.awardedOn ?? '2021-07-01' }]
                        : [],
                  },
                })
              }
            />
            <TextInput
              label="Awarded on"
              type="date"
              disabled={degrees.length === 0}
              value={degrees[0]?.awardedOn ?? ''}
              onChange={(e) =>
                degrees[0] &&
                set({
                  rodHo: {
                    ...(value.rodHo ?? {}),
                    degrees: [{ ...degrees[0], awardedOn: e.currentTarget.value }],
                  },
                })
              }
            />
          </SimpleGrid>
          <Checkbox
            label="First degree in healthcare or teaching (Art 16.2)"
            checked={value.isFirstDegreeInHealthcareOrTeaching ?? false}
            onChange={(e) => set({ isFirstDegreeInHealthcareOrTeaching: e.currentTarget.checked })}
          />
          <Checkbox
            label="Board-position exemption granted (Art 30.9)"
            checked={value.isBoardPositionExemptionGranted ?? false}
            onChange={(e) => set({ isBoardPositionExemptionGranted: e.currentTarget.checked })}
          />
        </Stack>
      </Fieldset>

      <Fieldset legend="Prior education (handling fee, Art 15)">
        <SimpleGrid cols={2}>
          <Select
            label="Country of the diploma"
            clearable
            searchable
            data={countries}
            value={value.priorEducation?.country ?? null}
            onChange={(country) => set({ priorEducation: { ...(value.priorEducation ?? {}), country } })}
          />
          <Select
            label="Diploma"
            allowDeselect={false}
            data={[
              { value: 'other', label: 'Other' },
              { value: 'vwo', label: 'VWO' },
              { value: 'international-baccalaureate', label: 'International Baccalaureate' },
              { value: 'european-baccalaureate', label: 'European Baccalaureate' },
              { value: 'swiss-maturity', label: 'Swiss Maturität' },
            ]}
            value={value.priorEducation?.diploma ?? 'other'}
            onChange={(diploma) =>
              set({
                priorEducation: {
                  ...(value.priorEducation ?? {}),
                  diploma: diploma as NonNullable<FeeFactsInput['priorEducation']>['diploma'],
                },
              })
            }
          />
        </SimpleGrid>
      </Fieldset>

      <FactsJsonEditor
        value={value}
        onChange={onChange}
        schema={feeFactsSchema}
        description="Every fact, including other enrolments and BBCs (Art 19, 30); the same format as desk fee quote --facts. Edit and leave the field to apply."
      />
    </Stack>
  );
}
