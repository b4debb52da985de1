import type { Messages } from "./messages"

/**
 * French. Typography: a no-break space (U+00A0) before « : », « ; », « ? » and « ! », except in
 * the two statutory warnings, which are kept character for character as the law words them.
 */
export const fr: Messages = {
  // Formules
  "checkout.title": "Payer en plusieurs fois",
  "plan.p2x.label": "Payer en 2 fois",
  "plan.p2x.description": "Une première échéance aujourd'hui, puis une seconde un mois plus tard. Sans intérêts.",
  "plan.p3x.label": "Payer en 3 fois",
  "plan.p3x.description": "Une première échéance aujourd'hui, puis 2 mensualités. Sans intérêts.",
  "plan.p4x.label": "Payer en 4 fois",
  "plan.p4x.description": "Une première échéance aujourd'hui, puis 3 mensualités. Sans intérêts.",
  "plan.d15.label": "Payer dans 15 jours",
  "plan.d15.description":
    "Rien à payer aujourd'hui\u00a0: le montant total est débité sur votre carte 15 jours après votre commande. Sans intérêts.",
  "plan.d30.label": "Payer dans 30 jours",
  "plan.d30.description":
    "Rien à payer aujourd'hui\u00a0: le montant total est débité sur votre carte 30 jours après votre commande. Sans intérêts.",
  "plan.deferred.onShipment":
    "Aucun montant n'est débité aujourd'hui\u00a0: votre carte est seulement vérifiée. Le premier paiement sera débité à l'expédition de votre commande.",
  "plan.deferred.onDelivery":
    "Aucun montant n'est débité aujourd'hui\u00a0: votre carte est seulement vérifiée. Le premier paiement sera débité à la livraison de votre commande.",
  "plan.deferredLater.onShipment":
    "Aucun montant n'est débité aujourd'hui\u00a0: votre carte est seulement vérifiée. Le montant total sera débité {days} jours après l'expédition de votre commande.",
  "plan.deferredLater.onDelivery":
    "Aucun montant n'est débité aujourd'hui\u00a0: votre carte est seulement vérifiée. Le montant total sera débité {days} jours après la livraison de votre commande.",

  // Acceptation
  "accept.button.instalments": "Payer en {count} fois",
  "accept.button.later": "Payer plus tard",
  "accept.button.verifyCard": "Vérifier ma carte",
  "accept.answer.paymentAccepted": "Paiement accepté",
  "accept.answer.verified": "Carte vérifiée",
  "accept.answer.validated": "Validé",
  "accept.consent": "J'ai pris connaissance de l'échéancier et des conditions de ce paiement en plusieurs fois, et je les accepte.",

  // Échéancier
  "schedule.today": "{amount} aujourd'hui",
  "schedule.onDate": "{amount} le {date}",
  "schedule.fees": "dont {fee} de frais",
  "schedule.lateFees": "dont {fee} de frais de retard",
  "schedule.total": "Total\u00a0: {amount}",
  "schedule.interestFree": "Sans intérêts",
  "schedule.credit": "Montant du crédit\u00a0: {amount}",
  "schedule.creditNote":
    "La première échéance, réglée aujourd'hui, est un acompte versé au marchand et ne fait pas partie du crédit.",
  "schedule.remaining": "Reste à payer\u00a0: {amount}",

  // Mentions obligatoires (texte légal, à ne pas reformuler)
  "credit.warning":
    "Un crédit vous engage et doit être remboursé. Vérifiez vos capacités de remboursement avant de vous engager.",
  "credit.warningCcd2": "Attention ! Un crédit coûte de l'argent et doit être remboursé.",

  // Éligibilité
  "reason.plan_not_offered":
    "Cette formule de paiement n'est pas proposée pour cette commande. Veuillez choisir une autre formule ou un autre moyen de paiement.",
  "reason.currency_not_supported":
    "Le paiement en plusieurs fois n'est pas disponible dans cette devise. Veuillez choisir un autre moyen de paiement.",
  "reason.amount_below_minimum":
    "Cette formule est disponible pour les commandes à partir de {min}. Veuillez choisir une autre formule ou un autre moyen de paiement.",
  "reason.amount_above_maximum":
    "Cette formule est disponible pour les commandes jusqu'à {max}. Veuillez choisir une autre formule ou un autre moyen de paiement.",
  "reason.country_not_supported":
    "Le paiement en plusieurs fois est réservé aux personnes résidant dans l'un des pays suivants\u00a0: {countries}. Veuillez choisir un autre moyen de paiement.",
  "reason.card_network_not_accepted":
    "Ce type de carte n'est pas accepté pour le paiement en plusieurs fois. Cartes acceptées\u00a0: {networks}. Vous pouvez aussi choisir un autre moyen de paiement.",
  "reason.card_prepaid":
    "Les cartes prépayées ne sont pas acceptées pour le paiement en plusieurs fois. Veuillez utiliser une autre carte bancaire ou choisir un autre moyen de paiement.",
  "reason.card_virtual":
    "Les cartes virtuelles ne sont pas acceptées pour le paiement en plusieurs fois. Veuillez utiliser la carte physique délivrée par votre banque ou choisir un autre moyen de paiement.",
  "reason.card_systematic_authorisation":
    "Les cartes à autorisation systématique (comme Maestro ou Visa Electron) ne sont pas acceptées pour le paiement en plusieurs fois. Veuillez utiliser une autre carte ou choisir un autre moyen de paiement.",
  "reason.card_issuer_country":
    "Votre carte a été émise hors de l'Union européenne et ne peut pas être utilisée pour le paiement en plusieurs fois. Veuillez utiliser une carte émise dans l'Union européenne ou choisir un autre moyen de paiement.",
  "reason.card_expires_too_soon":
    "Votre carte expire avant la fin de cet échéancier. Veuillez utiliser une carte valable au moins un mois après la dernière échéance, ou choisir une formule plus courte.",
  "reason.credit_refused":
    "Nous ne sommes pas en mesure d'accepter votre demande de paiement en plusieurs fois pour cette commande. Vous pouvez la régler avec un autre moyen de paiement.",
  "reason.consumer_credit_not_authorised":
    "Ce marchand ne peut proposer que des paiements réglés dans un délai court et sans frais. Veuillez choisir une formule plus courte ou un autre moyen de paiement.",

  // Statuts
  "status.plan.pending_start": "Pas encore commencé",
  "status.plan.active": "En cours",
  "status.plan.late": "Paiement en retard",
  "status.plan.serious_delay": "En retard de plus de 15 jours",
  "status.plan.frozen": "Suspendu",
  "status.plan.completed": "Entièrement payé",
  "status.plan.cancelled": "Annulé",
  "status.plan.terminated": "Résilié",
  "status.plan.withdrawn": "Rétractation exercée",
  "status.instalment.scheduled": "À venir",
  "status.instalment.paid": "Payée",
  "status.instalment.failed": "Échec du paiement",
  "status.instalment.late": "En retard",
  "status.instalment.cancelled": "Annulée",

  // Espace de gestion
  "self.title": "Votre échéancier",
  "self.order": "Commande {orderNumber}",
  "self.nextInstalment": "Prochaine échéance\u00a0: {amount} le {date}",
  "self.card": "Carte se terminant par {last4}",
  "self.action.payNext": "Payer la prochaine échéance maintenant",
  "self.action.payWithBank": "Payer avec la confirmation de votre banque",
  "self.bank.help": "Votre banque vous demandera de confirmer ce paiement (3-D Secure) dans une fenêtre sur cette page.",
  "self.bank.refused": "Votre banque n'a pas confirmé le paiement\u00a0: rien n'a été prélevé. Vous pouvez réessayer ou changer de carte.",
  "self.action.payAll": "Tout payer maintenant",
  "self.action.postpone": "Reporter une échéance",
  "self.action.changeCard": "Changer de carte",
  "self.action.withdraw": "Me rétracter",
  "self.confirm.payNext":
    "Vous allez payer {amount} maintenant, par anticipation. Un paiement anticipé ne peut pas être annulé.",
  "self.confirm.payAll": "Vous allez payer maintenant le solde de {amount}. Un paiement anticipé ne peut pas être annulé.",
  "self.confirm.postpone": "Votre échéance du {date} sera reportée au {newDate}.",
  "self.confirm.changeCard": "Vos prochaines échéances seront débitées sur votre nouvelle carte.",
  "self.confirm.withdraw":
    "Si vous vous rétractez, votre échéancier prend fin\u00a0: le solde de {amount} sera débité immédiatement sur votre carte, et les frais déjà payés vous seront remboursés.",
  "self.done.authenticate": "Pour terminer ce paiement de {amount}, confirmez-le auprès de votre banque (3-D Secure), puis revenez sur cette page.",
  "self.done.payNext": "Merci. Votre paiement de {amount} a bien été reçu. Votre échéancier mis à jour figure ci-dessous.",
  "self.done.payAll": "Merci. Votre paiement de {amount} a bien été reçu\u00a0: votre commande est entièrement payée.",
  "self.done.postpone": "C'est fait\u00a0: votre échéance est reportée au {date}.",
  "self.done.changeCard":
    "Votre nouvelle carte a bien été enregistrée. Vos prochaines échéances seront débitées sur cette carte.",
  "self.done.withdraw":
    "Votre rétractation a bien été enregistrée et le solde de {amount} a été débité sur votre carte. Les frais déjà payés vous seront remboursés.",
  "self.postpone.choose": "Choisissez une nouvelle date, au plus tard {days} jours après l'échéance actuelle.",
  "self.withdraw.info":
    "Vous pouvez vous rétracter de cette facilité de paiement jusqu'au {date}. Le solde est alors débité immédiatement, et les frais déjà payés vous sont remboursés.",
  "self.button.confirm": "Confirmer",
  "self.button.back": "Retour",
  "self.overdue":
    "Votre échéance de {amount} du {date} n'a pas été payée. Veuillez la régler dès maintenant depuis cette page, ou contactez-nous si vous rencontrez des difficultés.",
  "self.frozen": "Votre échéancier est temporairement suspendu et ne peut pas être modifié pour le moment. Nous vous contacterons.",
  "self.difficulty": "Vous rencontrez des difficultés de paiement\u00a0? Contactez-nous\u00a0: nous chercherons une solution avec vous.",
  "self.linkExpired": "Ce lien a expiré",
  "self.linkExpiredHelp":
    "Pour votre sécurité, ce lien n'est valable que pendant une durée limitée. Utilisez le lien de notre dernier e-mail, ou contactez-nous pour en recevoir un nouveau.",
  "self.linkReplaced": "Ce lien a été remplacé",
  "self.linkReplacedHelp":
    "Pour votre sécurité, ce lien ne fonctionne plus\u00a0: un lien plus récent vous a été envoyé, ou la carte de votre échéancier a été changée. Utilisez le lien de notre dernier e-mail, ou contactez-nous pour en recevoir un nouveau.",
  "self.linkInvalid": "Ce lien n'est pas valide. Veuillez vérifier que vous l'avez copié en entier.",
  "self.error.generic": "Une erreur est survenue. Veuillez réessayer dans quelques minutes.",
  "self.error.paymentDeclined":
    "Votre banque a refusé le paiement et aucun montant n'a été débité. Veuillez réessayer ou utiliser une autre carte.",
  "self.error.notFound": "Nous n'avons pas trouvé cet échéancier.",
  "self.schedule.title": "Échéancier",
  "self.schedule.instalment": "Échéance",
  "self.schedule.dueDate": "Date",
  "self.schedule.amount": "Montant",
  "self.schedule.status": "Statut",
  "self.schedule.postponedFrom": "Reportée du {date}",
  "self.instalmentNumber": "Échéance {count}",
  "self.actions.title": "Gérer mon échéancier",
  "self.postpone.instalment": "Échéance à reporter",
  "self.postpone.days": "Nombre de jours",
  "self.changeCard.token": "Nouvelle carte",
  "self.changeCard.help": "La référence de votre nouvelle carte, telle que la fournit le formulaire de carte sécurisé.",
  "self.language": "Langue",
  "self.action.payExchange": "Payer la différence maintenant",
  "self.confirm.payExchange": "Votre échange coûte {amount} de plus. Ce montant sera débité sur votre carte maintenant.",

  // Asking for help (docs/business-rules.md §9)
  "self.support.title": "Demander de l'aide",
  "self.support.intro": "Dites-nous ce dont vous avez besoin. La boutique vous répond sous 24\u00a0heures (une réclamation sous 48\u00a0heures ouvrées), par e-mail et sur cette page.",
  "self.support.order": "Référence de la commande",
  "self.support.category": "Votre demande concerne\u00a0:",
  "self.support.message": "Votre message",
  "self.support.messageHelp": "{max} caractères au maximum. Indiquez le montant et la date du paiement concerné, le cas échéant.",
  "self.support.orderMatters": "Commande non reçue ou non conforme\u00a0? La boutique gère elle-même les livraisons et les produits\u00a0: votre demande lui est transmise directement.",
  "self.support.send": "Envoyer ma demande",
  "self.support.sendAnyway": "Envoyer quand même ma demande",
  "self.support.solve.postpone": "Vous pouvez reporter une échéance vous-même, tout de suite, sur cette page\u00a0:",
  "self.support.solve.changeCard": "Vous pouvez changer de carte vous-même, tout de suite, sur cette page\u00a0:",
  "self.support.solve.payNow": "Vous pouvez payer votre échéance vous-même, tout de suite, sur cette page\u00a0:",
  "self.support.solve.orSend": "Si cela ne résout pas votre problème, vous pouvez quand même envoyer votre demande à la boutique.",
  "self.support.sent": "Votre demande a bien été envoyée. La boutique vous répondra sous 24\u00a0heures, par e-mail et sur cette page.",
  "self.support.sentComplaint": "Votre réclamation a bien été envoyée. La boutique vous répondra sous 48\u00a0heures ouvrées, par e-mail et sur cette page.",
  "self.support.sentToMerchant": "Votre demande a bien été transmise à la boutique, qui gère elle-même les livraisons et les produits. Elle vous répondra sous 24\u00a0heures, par e-mail et sur cette page.",
  "self.support.error.category": "Veuillez choisir l'objet de votre demande.",
  "self.support.error.messageRequired": "Veuillez décrire votre demande dans le champ message.",
  "self.support.error.messageTooLong": "Votre message est trop long\u00a0: {max} caractères au maximum. Veuillez le raccourcir\u00a0; vous pouvez envoyer des documents par e-mail.",
  "self.support.error.changed": "Cette page a changé entre-temps et rien n'a été envoyé. Vérifiez vos demandes ci-dessous et renvoyez la vôtre si elle n'y figure pas.",
  "self.support.requests": "Vos demandes",
  "self.support.openedOn": "Envoyée le {date}",
  "self.support.status.open": "En cours",
  "self.support.status.closed": "Close",
  "self.support.author.shopper": "Vous",
  "self.support.author.merchant": "La boutique",
  "support.category.purchase_blocked": "Je ne parviens pas à finaliser mon achat",
  "support.category.payment_refused": "Mon paiement a été refusé",
  "support.category.postpone": "Reporter une échéance",
  "support.category.schedule_question": "Une question sur mon échéancier",
  "support.category.change_card": "Changer de carte de paiement",
  "support.category.difficulty_paying": "J'ai des difficultés de paiement",
  "support.category.order_not_received": "Je n'ai pas reçu ma commande",
  "support.category.order_not_as_ordered": "Ma commande n'est pas conforme",
  "support.category.refund_confirmed": "La boutique m'a confirmé un remboursement",
  "support.category.page_access": "Je n'arrive pas à accéder à mon espace",
  "support.category.formal_complaint": "Réclamation",

  // Refus des demandes en libre-service
  "refusal.postponement_limit_reached": "Vous avez déjà utilisé tous les reports autorisés pour cet échéancier.",
  "refusal.postponement_too_long":
    "Une échéance peut être reportée de {days} jours au maximum. Veuillez choisir une date plus proche.",
  "refusal.postponement_not_allowed": "Cette échéance ne peut plus être reportée.",
  "refusal.withdrawal_period_over":
    "Le délai de rétractation de {days} jours est écoulé\u00a0: vous ne pouvez plus vous rétracter de cet échéancier. Vous pouvez toujours payer par anticipation à tout moment.",
  "refusal.nothing_left_to_pay": "Il ne reste rien à payer sur cet échéancier.",
  "refusal.plan_frozen":
    "Votre échéancier est temporairement suspendu et ne peut pas être modifié pour le moment. Nous vous contacterons.",
  "refusal.plan_closed": "Cet échéancier est clos et ne peut plus être modifié.",
  "refusal.plan_not_active": "Cette modification n'est pas possible dans l'état actuel de votre échéancier.",
  "refusal.plan_not_started":
    "Votre échéancier n'a pas encore commencé. Cette opération sera possible une fois la première échéance débitée.",
  "refusal.payment_overdue":
    "Une échéance est en retard. Veuillez d'abord la régler\u00a0; vous pourrez ensuite effectuer cette modification.",
  "refusal.plan_busy": "Un paiement est en cours de traitement sur votre échéancier. Veuillez réessayer dans une minute\u00a0; rien n'a été fait.",
  "refusal.plan_changed":
    "Votre échéancier a changé entre-temps. Veuillez le consulter à nouveau et renouveler votre demande si elle s'applique toujours\u00a0; rien n'a été fait.",
  "refusal.payment_pending":
    "Votre paiement est en cours de traitement. Veuillez consulter à nouveau votre échéancier dans une minute\u00a0: vous ne serez pas débité deux fois.",
  "refusal.card_not_eligible": "Cette carte ne peut pas être utilisée pour votre échéancier. Veuillez utiliser une autre carte.",
  "refusal.lender_managed": "Cet échéancier est géré par l'organisme qui a financé votre commande\u00a0: veuillez le gérer depuis le lien figurant dans ses e-mails.",

  // E-mails
  "email.greeting": "Bonjour,",
  "email.closing": "Cordialement,",
  "email.viewPlan": "Voir mon échéancier",
  "email.planConfirmed.subject": "Votre paiement en plusieurs fois pour la commande {orderNumber} est confirmé",
  "email.planConfirmed.body":
    "Merci pour votre commande {orderNumber}. Votre paiement en plusieurs fois sans intérêts est confirmé\u00a0: vous trouverez ci-dessous votre échéancier et les conditions que vous avez acceptées. Votre prochaine échéance de {amount} sera débitée sur votre carte le {date}. Vous pouvez consulter et gérer votre échéancier à tout moment\u00a0: {link}",
  "email.cardVerified.subject": "Commande {orderNumber}\u00a0: votre carte a bien été vérifiée",
  "email.cardVerified.body":
    "Merci pour votre commande {orderNumber}. Votre carte a bien été vérifiée et aucun montant n'a encore été débité. Votre première échéance de {amount} ne sera débitée qu'à l'expédition ou à la livraison de votre commande\u00a0; nous vous enverrons alors votre échéancier. Vous pouvez consulter votre échéancier à tout moment\u00a0: {link}",
  "email.reminder.subject": "Rappel\u00a0: votre échéance de {amount} le {date} pour la commande {orderNumber}",
  "email.reminder.body":
    "La prochaine échéance de votre commande {orderNumber}, d'un montant de {amount}, sera débitée sur votre carte le {date}. Si vous souhaitez changer de carte ou reporter cette échéance, vous pouvez le faire depuis votre espace de paiement\u00a0: {link}",
  "email.paymentFailed.subject": "Commande {orderNumber}\u00a0: votre échéance n'a pas pu être payée",
  "email.paymentFailed.authenticationBody":
    "Nous n'avons pas pu prélever votre échéance de {amount} prévue le {date} pour la commande {orderNumber}\u00a0: votre banque vous demande de confirmer ce paiement vous-même (3-D Secure). Ouvrez la page de votre échéancier et choisissez de payer maintenant avec la confirmation de votre banque\u00a0: {link}. D'ici là, nous ne pourrons pas la prélever automatiquement.",
  "email.paymentFailed.body":
    "Nous n'avons pas pu débiter votre échéance de {amount} du {date} pour la commande {orderNumber}. Nous effectuerons une nouvelle tentative dans les prochains jours. Vous pouvez aussi la régler dès maintenant ou changer de carte depuis votre espace de paiement\u00a0: {link}. Si vous rencontrez des difficultés de paiement, contactez-nous\u00a0: nous chercherons une solution avec vous.",
  "email.planUpdated.subject": "Votre échéancier pour la commande {orderNumber} a été mis à jour",
  "email.planUpdated.body":
    "Votre échéancier pour la commande {orderNumber} a été mis à jour. Votre prochaine échéance de {amount} sera débitée le {date}. Vous trouverez votre échéancier mis à jour ci-dessous et dans votre espace de paiement\u00a0: {link}",
  "email.planCompleted.subject": "Commande {orderNumber}\u00a0: votre paiement en plusieurs fois est terminé",
  "email.planCompleted.body":
    "Votre dernière échéance a été payée le {date}\u00a0: la commande {orderNumber} est entièrement réglée, pour un total de {amount}. Merci de votre confiance. Votre échéancier reste consultable ici\u00a0: {link}",
  "email.scheduleTitle": "Votre échéancier",
  "email.terms": "Conditions acceptées\u00a0: version {version}, le {date}.",
  "email.selfServiceLink.subject": "Commande {orderNumber}\u00a0: votre lien vers votre échéancier",
  "email.selfServiceLink.body": "Voici votre lien sécurisé pour consulter et gérer l'échéancier de votre commande {orderNumber}\u00a0: {link}. Pour votre sécurité, ce lien est valable jusqu'au {date}.",
  "email.supportReply.subject": "Commande {orderNumber}\u00a0: réponse à votre demande",
  "email.supportReply.body": "La boutique a répondu à votre demande concernant l'échéancier de votre commande {orderNumber}\u00a0:",
}
