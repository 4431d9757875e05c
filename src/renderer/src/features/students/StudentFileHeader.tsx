import { Badge, Group, Text, Title, Tooltip } from '@mantine/core';
import type { StudentFile } from '../../../../shared/api/students.contract';
import { useToday } from '../../api/useSession';
import { ageOn, countryName } from './student-file-labels';

/** Who the student is at a glance: name in any script, number, date of birth and age, nationalities, e-mail. */
export function StudentFileHeader({ file }: { file: StudentFile }) {
  const profile = file.profile;
  const today = useToday();
  return (
    <div>
      <Title order={2} lang="">
        {file.givenNames} {file.familyName}
      </Title>
      <Group gap="xs" mt={4} aria-label="Student summary">
        <Text size="sm" ff="monospace" aria-label="Student number">
          {file.studentNumber}
        </Text>
        {profile && (
          <Text size="sm" c="dimmed" aria-label="Date of birth">
            · born {profile.dateOfBirth} (age {ageOn(profile.dateOfBirth, today())})
          </Text>
        )}
        {profile?.nationalities.map((code) => {
          const isBrp = profile.registeredInBrp && profile.brpNationality === code;
          return (
            <Tooltip
              key={code}
              label={isBrp ? 'The nationality registered in the BRP (Art 16.6)' : 'Nationality'}
            >
              <Badge variant={isBrp ? 'filled' : 'light'} size="sm">
                {countryName(code)}
                {isBrp ? ' · BRP' : ''}
              </Badge>
            </Tooltip>
          );
        })}
        {profile && profile.nationalities.length === 0 && (
          <Badge variant="light" size="sm" color="gray">
            Stateless
          </Badge>
        )}
        {profile?.registeredInBrp === false && (
          <Badge variant="outline" size="sm" color="gray">
            Not in the BRP
          </Badge>
        )}
        {file.email && (
          <Text size="sm" c="dimmed">
            · {file.email}
          </Text>
        )}
      </Group>
      {!profile && (
        <Text size="sm" c="orange" mt={4}>
          No profile recorded yet: record the personal details to start the file.
        </Text>
      )}
    </div>
  );
}
