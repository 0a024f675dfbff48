import { Button, Stack, TextInput } from '@mantine/core'
import { isEmail, useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { IconMail } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { usePageTitle } from '../../app/use-page-title'
import { SignInCard } from './sign-in-card'

export function SplitsSignInPage() {
  const { t } = useTranslation()
  usePageTitle(t('splits.signIn.pageTitle'))
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { email: '' },
    validate: { email: isEmail(t('splits.signIn.emailInvalid')) },
  })

  // The identity work replaces this with a call that emails the one-time code.
  const submit = form.onSubmit(() => {
    notifications.show({
      color: 'yellow',
      title: t('splits.signIn.unavailableTitle'),
      message: t('splits.signIn.unavailableMessage'),
    })
  })

  return (
    <SignInCard title={t('splits.signIn.title')} subtitle={t('splits.signIn.subtitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('splits.signIn.email')}
            placeholder={t('splits.signIn.emailPlaceholder')}
            type="email"
            autoComplete="email"
            leftSection={<IconMail size={16} />}
            required
            data-autofocus
            key={form.key('email')}
            {...form.getInputProps('email')}
          />
          <Button type="submit" fullWidth size="md">
            {t('splits.signIn.submit')}
          </Button>
        </Stack>
      </form>
    </SignInCard>
  )
}
