import { Alert, Button, Stack, TextInput } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { formatWait, signInErrorMessage } from './sign-in-error'
import type { SignInFlow } from './use-sign-in-flow'

interface PhoneStepProps {
  form: UseFormReturnType<{ phone: string }>
  flow: SignInFlow
}

/** OFAIR step one: the Israeli mobile number that receives the code by SMS. */
export function PhoneStep({ form, flow }: PhoneStepProps) {
  const { t } = useTranslation()
  const submit = form.onSubmit(({ phone }) => flow.send(phone.trim()))

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label={t('ofair.signIn.phone')}
          placeholder={t('ofair.signIn.phonePlaceholder')}
          type="tel"
          inputMode="tel"
          autoComplete="tel-national"
          required
          autoFocus
          // Digits read left to right even in Hebrew; align them to the start of the RTL form.
          dir="ltr"
          styles={{ input: { textAlign: 'right' } }}
          key={form.key('phone')}
          {...form.getInputProps('phone')}
        />
        {flow.sendError && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} role="alert">
            {signInErrorMessage(flow.sendError, t)}
          </Alert>
        )}
        <Button type="submit" fullWidth size="md" loading={flow.sending} disabled={flow.cooldown > 0}>
          {flow.cooldown > 0
            ? t('common.signIn.waitToSend', { time: formatWait(flow.cooldown) })
            : t('ofair.signIn.submit')}
        </Button>
      </Stack>
    </form>
  )
}
