import { Button, Text } from '@mantine/core'
import { modals } from '@mantine/modals'
import { notifications } from '@mantine/notifications'
import { IconSend } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../api/client'
import { formatMoneyValue } from '../../lib/money'
import type { Invoice, InvoiceRefund } from '../billing/billing-api'
import { useCompleteRefund } from './finance-api'

/** A bank refund is sent outside the platform; the admin records that it went (this books it). */
export function CompleteRefundButton({ invoice, refund }: { invoice: Invoice; refund: InvoiceRefund }) {
  const { t, i18n } = useTranslation()
  const complete = useCompleteRefund()
  if (refund.status !== 'pending' || refund.method !== 'bank_transfer') return null
  const amount = formatMoneyValue(refund.amount, i18n.language)
  return (
    <Button
      size="xs"
      variant="light"
      leftSection={<IconSend size={14} />}
      loading={complete.isPending}
      onClick={() =>
        modals.openConfirmModal({
          title: t('admin.finance.refund.confirmTitle'),
          children: (
            <Text size="sm">
              {t('admin.finance.refund.confirmBody', { amount, company: invoice.company.name })}
            </Text>
          ),
          labels: { confirm: t('admin.finance.refund.confirm'), cancel: t('common.cancel') },
          onConfirm: () =>
            complete.mutate(refund.id, {
              onSuccess: () =>
                notifications.show({ color: 'teal', message: t('admin.finance.refund.done', { amount }) }),
              onError: (err) => notifications.show({ color: 'red', message: errorMessage(err, t) }),
            }),
        })
      }
    >
      {t('admin.finance.refund.markSent')}
    </Button>
  )
}
