import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useUpdateAccount } from '../account/account-api'
import { signInErrorMessage } from './sign-in-error'

interface NameStepProps {
  onDone: () => void
}

/** A new OFAIR account is named "משתמש חדש" until its owner says what to call them. */
export function NameStep({ onDone }: NameStepProps) {
  const { t } = useTranslation()
  const update = useUpdateAccount()
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { name: '' },
    validate: { name: (value) => (value.trim().length > 0 ? null : t('ofair.signIn.nameRequired')) },
  })
  const submit = form.onSubmit(({ name }) =>
    update.mutate({ display_name: name.trim() }, { onSuccess: onDone }),
  )

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm">{t('ofair.signIn.welcomeNew')}</Text>
        <TextInput
          label={t('ofair.signIn.name')}
          placeholder={t('ofair.signIn.namePlaceholder')}
          autoComplete="name"
          maxLength={120}
          required
          autoFocus
          key={form.key('name')}
          {...form.getInputProps('name')}
        />
        {update.isError && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} role="alert">
            {signInErrorMessage(update.error, t)}
          </Alert>
        )}
        <Group grow>
          <Button type="submit" size="md" loading={update.isPending}>
            {t('ofair.signIn.saveName')}
          </Button>
          <Button variant="default" size="md" onClick={onDone}>
            {t('ofair.signIn.skipName')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
