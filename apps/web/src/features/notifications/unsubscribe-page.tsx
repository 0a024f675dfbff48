import { Alert, Button, Card, Stack, Text, Title } from '@mantine/core'
import { IconCircleCheck } from '@tabler/icons-react'
import { useMutation } from '@tanstack/react-query'
import { useSearchParams } from 'react-router'
import { api } from '../../api/client'
import { unwrap } from '../../api/use-api'
import { usePageTitle } from '../../app/use-page-title'
import { ErrorAlert } from '../../components/error-alert'

const TOKEN = /^[0-9a-f-]{36}$/i

/**
 * /notifications/unsubscribe?token=…: the link at the foot of every marketing message. Opening the
 * link changes nothing (mail scanners open links); the person presses the button, which posts the
 * token. Bilingual, because the link reaches people of both marketplaces without a session.
 */
export function UnsubscribePage() {
  usePageTitle('Unsubscribe · הסרה מדיוור')
  const [params] = useSearchParams()
  const token = params.get('token') ?? ''
  const valid = TOKEN.test(token)
  const unsubscribe = useMutation({
    mutationFn: () => unwrap(api.POST('/api/notifications/marketing/unsubscribe', { body: { token } })),
  })
  return (
    <Card withBorder padding="xl" maw={520} mx="auto" mt="xl">
      <Stack gap="md">
        <Title order={1} size="h2" dir="rtl" lang="he">
          הסרה מרשימת הדיוור
        </Title>
        <Text c="dimmed" size="sm">
          Unsubscribe from marketing messages
        </Text>
        {!valid ? (
          <Alert color="red" variant="light">
            <Text dir="rtl" lang="he">
              הקישור אינו שלם. פתחו אותו שוב מההודעה שקיבלתם.
            </Text>
            <Text size="sm">This link is incomplete. Open it again from the message you received.</Text>
          </Alert>
        ) : unsubscribe.isSuccess ? (
          <Alert color="teal" variant="light" icon={<IconCircleCheck size={18} />} role="status">
            <Text dir="rtl" lang="he">
              הוסרתם מרשימת הדיוור. הודעות על הפעילות שלכם (לידים, הצעות, חשבוניות) ימשיכו להגיע.
            </Text>
            <Text size="sm">
              You are unsubscribed. Messages about your own activity (leads, proposals, invoices) still reach
              you.
            </Text>
          </Alert>
        ) : (
          <>
            <Text dir="rtl" lang="he">
              לא תקבלו עוד הודעות שיווקיות. הודעות על הפעילות שלכם ימשיכו להגיע.
            </Text>
            <Text size="sm">
              You will get no more marketing messages; messages about your own activity continue.
            </Text>
            {unsubscribe.isError && <ErrorAlert error={unsubscribe.error} />}
            <Button onClick={() => unsubscribe.mutate()} loading={unsubscribe.isPending}>
              הסירו אותי · Unsubscribe me
            </Button>
          </>
        )}
      </Stack>
    </Card>
  )
}
