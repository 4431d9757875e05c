import {
  Alert,
  Button,
  Group,
  Modal,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMemo, useState } from 'react';
import type { StudentFile } from '../../../../shared/api/students.contract';
import { DeskCallError } from '../../api/desk-client';
import { showDone } from '../../api/show-error';
import { countryOptions } from '../fees/country-options';
import { useCreateStudent } from './useStudentFile';

interface NewStudentValues {
  studentNumber: string;
  givenNames: string;
  familyName: string;
  email: string;
  dateOfBirth: string;
  nationalities: string[];
  countryOfResidence: string | null;
}

/** The form field that shows a server error on `field` (e.g. 'profile.nationalities.0'), or null. */
function newStudentFieldOf(field: string): keyof NewStudentValues | null {
  if (field === 'studentNumber' || field === 'givenNames' || field === 'familyName' || field === 'email')
    return field;
  if (field === 'profile.dateOfBirth') return 'dateOfBirth';
  if (field.startsWith('profile.nationalities') || field === 'profile.brpNationality') return 'nationalities';
  if (field.startsWith('profile.residence')) return 'countryOfResidence';
  return null;
}

/** Props of NewStudentModal. */
export interface NewStudentModalProps {
  onClose: () => void;
  /** Called with the new file, e.g. to open it. */
  onCreated: (file: StudentFile) => void;
}

/**
 * Adds a student: the student number, names in any script, e-mail and, when known, the date of birth,
 * nationalities and country of residence that start the profile the enrolment rules read (Art 2, 13).
 */
export function NewStudentModal({ onClose, onCreated }: NewStudentModalProps) {
  const countries = useMemo(() => countryOptions(), []);
  const create = useCreateStudent();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<NewStudentValues>({
    mode: 'controlled',
    initialValues: {
      studentNumber: '',
      givenNames: '',
      familyName: '',
      email: '',
      dateOfBirth: '',
      nationalities: [],
      countryOfResidence: null,
    },
    validate: {
      countryOfResidence: (value, values) =>
        values.dateOfBirth !== '' && value === null
          ? 'Say where the student lives, to record the profile (Art 2.2d, 13.1e).'
          : null,
    },
  });

  const submit = (values: NewStudentValues) => {
    setProblem(null);
    const hasProfile = values.dateOfBirth !== '';
    create.mutate(
      {
        studentNumber: values.studentNumber.trim(),
        givenNames: values.givenNames,
        familyName: values.familyName,
        email: values.email.trim() === '' ? null : values.email.trim(),
        profile: hasProfile
          ? {
              dateOfBirth: values.dateOfBirth,
              nationalities: values.nationalities,
              residence: { countryOfResidence: values.countryOfResidence ?? '' },
            }
          : null,
      },
      {
        onSuccess: (file) => {
          showDone(`Student ${file.studentNumber} added: ${file.givenNames} ${file.familyName}.`);
          onCreated(file);
        },
        onError: (error) => {
          const shape = error instanceof DeskCallError ? error.shape : { message: String(error) };
          const field =
            'field' in shape && typeof shape.field === 'string' ? newStudentFieldOf(shape.field) : null;
          if (field !== null) form.setFieldError(field, shape.message);
          else setProblem(shape.message);
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title="New student" size="lg">
      <form onSubmit={form.onSubmit(submit)} noValidate aria-label="New student">
        <Stack>
          {problem && (
            <Alert color="red" title="Not added" role="alert">
              {problem}
            </Alert>
          )}
          <SimpleGrid cols={2}>
            <TextInput
              label="Student number"
              description="“i” and seven digits, e.g. i6000123."
              required
              data-autofocus
              {...form.getInputProps('studentNumber')}
            />
            <TextInput label="E-mail" type="email" {...form.getInputProps('email')} />
            <TextInput
              label="Given names"
              description="As on the passport, in any script."
              required
              {...form.getInputProps('givenNames')}
            />
            <TextInput
              label="Family name"
              description="As on the passport, in any script."
              required
              {...form.getInputProps('familyName')}
            />
          </SimpleGrid>
          <Text size="sm" c="dimmed">
            With the date of birth the profile is recorded, so the Art 2 checks and the Art 13 checklist can
            be made. Residence, prior education and the Art 3 flags are completed on the file.
          </Text>
          <SimpleGrid cols={2}>
            <TextInput label="Date of birth" type="date" {...form.getInputProps('dateOfBirth')} />
            <Select
              label="Lives in"
              searchable
              clearable
              data={countries}
              {...form.getInputProps('countryOfResidence')}
            />
          </SimpleGrid>
          <MultiSelect
            label="Nationalities"
            description="Every nationality; none for a stateless student."
            searchable
            data={countries}
            {...form.getInputProps('nationalities')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Add student
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
