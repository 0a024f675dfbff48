import { Alert, Button, Group, Select, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle, IconMailForward } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { ApiError, errorMessage } from '../../api/client'
import { mapFieldErrors } from '../../lib/field-errors'
import { useInviteTeamMember } from './team-api'

/** Invite a company admin or hiring manager by email; they join the team when they accept. */
export function AddMemberForm({ companyId }: { companyId: string }) {
  const { t } = useTranslation()
  const add = useInviteTeamMember(companyId)
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      email: '',
      display_name: '',
      role: 'hiring_manager' as 'company_admin' | 'hiring_manager',
    },
    validate: {
      email: (value) =>
        /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim()) ? null : t('splits.team.emailInvalid'),
      display_name: (value) => (value.trim() ? null : t('splits.team.nameRequired')),
    },
  })

  const submit = form.onSubmit((v) =>
    add.mutate(
      { email: v.email.trim(), display_name: v.display_name.trim(), role: v.role },
      {
        onSuccess: () => {
          notifications.show({
            color: 'teal',
            message: t('splits.team.invitedNotice', { name: v.display_name.trim() }),
          })
          form.reset()
        },
        onError: (err) => {
          if (err instanceof ApiError)
            form.setErrors(mapFieldErrors(err.fieldErrors, ['email', 'display_name', 'role']).byField)
        },
      },
    ),
  )

  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-start" gap="sm" wrap="wrap">
        <TextInput
          label={t('splits.team.email')}
          type="email"
          required
          w={{ base: '100%', sm: 240 }}
          {...form.getInputProps('email')}
        />
        <TextInput
          label={t('splits.team.name')}
          required
          w={{ base: '100%', sm: 200 }}
          {...form.getInputProps('display_name')}
        />
        <Select
          label={t('splits.team.role')}
          data={[
            { value: 'hiring_manager', label: t('common.roles.hiring_manager') },
            { value: 'company_admin', label: t('common.roles.company_admin') },
          ]}
          allowDeselect={false}
          w={{ base: '100%', sm: 180 }}
          {...form.getInputProps('role')}
        />
        <Button
          type="submit"
          mt={{ base: 0, sm: 25 }}
          leftSection={<IconMailForward size={16} />}
          loading={add.isPending}
        >
          {t('splits.team.add')}
        </Button>
      </Group>
      {add.isError && (
        <Alert mt="md" color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
          {errorMessage(add.error, t)}
        </Alert>
      )}
    </form>
  )
}
