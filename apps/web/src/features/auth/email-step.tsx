import { Stack, TextInput } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { IconMail } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { SendCodeFooter } from './send-code-footer'
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
        <SendCodeFooter flow={flow} submitLabel={t('splits.signIn.submit')} />
      </Stack>
    </form>
  )
}
