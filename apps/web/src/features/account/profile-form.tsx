import { Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../api/client'
import { type Account, useUpdateAccount } from './account-api'

/** Display name and preferred language (used for the emails and text messages we send). */
export function ProfileForm({ account }: { account: Account }) {
  const { t } = useTranslation()
  const update = useUpdateAccount()
  const form = useForm({
    mode: 'controlled',
    initialValues: { display_name: account.display_name, locale: account.locale },
    validate: {
      display_name: (value) => (value.trim() ? null : t('common.account.profile.nameRequired')),
    },
  })

  const submit = form.onSubmit((values) =>
    update.mutate(
      { display_name: values.display_name.trim(), locale: values.locale },
      {
        onSuccess: (saved) => {
          form.setInitialValues({ display_name: saved.display_name, locale: saved.locale })
          form.reset()
          notifications.show({ color: 'teal', message: t('common.account.profile.saved') })
        },
        onError: (err) =>
          notifications.show({
            color: 'red',
            title: t('common.account.profile.saveFailed'),
            message: errorMessage(err, t),
          }),
      },
    ),
  )

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <TextInput
          label={t('common.account.profile.name')}
          autoComplete="name"
          maxLength={120}
          required
          key={form.key('display_name')}
          {...form.getInputProps('display_name')}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="account-language">
            {t('common.account.profile.language')}
          </Text>
          <SegmentedControl
            aria-labelledby="account-language"
            data={[
              { value: 'en', label: t('common.languages.en') },
              { value: 'he', label: t('common.languages.he') },
            ]}
            key={form.key('locale')}
            {...form.getInputProps('locale')}
          />
          <Text size="xs" c="dimmed">
            {t('common.account.profile.languageHint')}
          </Text>
        </Stack>
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
            {t('common.account.profile.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
