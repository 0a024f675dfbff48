import { Button, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { usePageTitle } from '../../app/use-page-title'
import { SignInCard } from './sign-in-card'

/** Israeli mobile numbers: 05X-XXX-XXXX, with or without separators, or in +972 form. */
const MOBILE = /^(?:05\d|\+9725\d)\d{7}$/

export function OfairSignInPage() {
  const { t } = useTranslation()
  usePageTitle(t('ofair.signIn.pageTitle'))
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { phone: '' },
    validate: {
      phone: (value) => (MOBILE.test(value.replace(/[\s-]/g, '')) ? null : t('ofair.signIn.phoneInvalid')),
    },
  })

  // The identity work replaces this with a call that texts the one-time code.
  const submit = form.onSubmit(() => {
    notifications.show({
      color: 'yellow',
      title: t('ofair.signIn.unavailableTitle'),
      message: t('ofair.signIn.unavailableMessage'),
    })
  })

  return (
    <SignInCard title={t('ofair.signIn.title')} subtitle={t('ofair.signIn.subtitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput
            label={t('ofair.signIn.phone')}
            placeholder={t('ofair.signIn.phonePlaceholder')}
            type="tel"
            inputMode="tel"
            autoComplete="tel-national"
            required
            // Digits read left to right even in Hebrew; align them to the start of the RTL form.
            dir="ltr"
            styles={{ input: { textAlign: 'right' } }}
            key={form.key('phone')}
            {...form.getInputProps('phone')}
          />
          <Button type="submit" fullWidth size="md">
            {t('ofair.signIn.submit')}
          </Button>
        </Stack>
      </form>
    </SignInCard>
  )
}
