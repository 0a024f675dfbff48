import { Alert, Button, Stack, TextInput } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { IconAlertTriangle, IconMail } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { formatWait, signInErrorMessage } from './sign-in-error'
import type { SignInFlow } from './use-sign-in-flow'

interface EmailStepProps {
  form: UseFormReturnType<{ email: string }>
  flow: SignInFlow
}

/** Splits Network step one: the work email that receives the code and the magic link. */
export function EmailStep({ form, flow }: EmailStepProps) {
  const { t } = useTranslation()
  const submit = form.onSubmit(({ email }) => flow.send(email.trim()))

  return (
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
          autoFocus
          key={form.key('email')}
          {...form.getInputProps('email')}
        />
        {flow.sendError && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} role="alert">
            {signInErrorMessage(flow.sendError, t)}
          </Alert>
        )}
        <Button type="submit" fullWidth size="md" loading={flow.sending} disabled={flow.cooldown > 0}>
          {flow.cooldown > 0
            ? t('common.signIn.waitToSend', { time: formatWait(flow.cooldown) })
            : t('splits.signIn.submit')}
        </Button>
      </Stack>
    </form>
  )
}
