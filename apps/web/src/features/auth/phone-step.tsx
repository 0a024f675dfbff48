import { Stack, TextInput } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { SendCodeFooter } from './send-code-footer'
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
        <SendCodeFooter flow={flow} submitLabel={t('ofair.signIn.submit')} />
      </Stack>
    </form>
  )
}
