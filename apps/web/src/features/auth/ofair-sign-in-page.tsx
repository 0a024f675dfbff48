import { Stack } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { usePageTitle } from '../../app/use-page-title'
import { useDemoPersonas, useStartPhone } from './auth-api'
import { CodeStep } from './code-step'
import { DemoPersonasPanel } from './demo-personas-panel'
import { NameStep } from './name-step'
import { PhoneStep } from './phone-step'
import { SignInCard } from './sign-in-card'
import { useNextPath } from './use-next-path'
import { useSignInFlow } from './use-sign-in-flow'

/** Israeli mobile numbers: 05X-XXX-XXXX, with or without separators, or in +972 form. */
const MOBILE = /^(?:05\d|\+9725\d|9725\d|009725\d)\d{7}$/

/** OFAIR sign-in (and sign-up): mobile number, the code from the SMS, and a name for new accounts. */
export function OfairSignInPage() {
  const { t } = useTranslation()
  usePageTitle(t('ofair.signIn.pageTitle'))
  const navigate = useNavigate()
  const next = useNextPath('/ofair')
  const flow = useSignInFlow(useStartPhone())
  const [naming, setNaming] = useState(false)
  const personas = (useDemoPersonas().data ?? []).filter((p) => p.marketplace === 'ofair' && p.phone)
  const form = useForm({
    mode: 'controlled',
    initialValues: { phone: '' },
    validate: {
      phone: (value) => (MOBILE.test(value.replace(/[\s().-]/g, '')) ? null : t('ofair.signIn.phoneInvalid')),
    },
  })
  const done = () => navigate(next, { replace: true })

  const [title, subtitle] = naming
    ? [t('ofair.signIn.nameTitle'), t('ofair.signIn.nameSubtitle')]
    : [t('ofair.signIn.title'), flow.challenge ? t('ofair.signIn.codeSubtitle') : t('ofair.signIn.subtitle')]

  return (
    <Stack gap="lg">
      <SignInCard title={title} subtitle={subtitle}>
        {naming ? (
          <NameStep onDone={done} />
        ) : flow.challenge ? (
          <CodeStep
            flow={{ ...flow, challenge: flow.challenge }}
            backLabel={t('ofair.signIn.changePhone')}
            onSignedIn={(signedIn) => (signedIn.is_new_user ? setNaming(true) : done())}
          />
        ) : (
          <PhoneStep form={form} flow={flow} />
        )}
      </SignInCard>
      {personas.length > 0 && !naming && (
        <DemoPersonasPanel
          personas={personas}
          contact="phone"
          onPick={(persona) => {
            flow.reset()
            form.setFieldValue('phone', persona.phone ?? '')
          }}
        />
      )}
    </Stack>
  )
}
