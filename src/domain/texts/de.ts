import type { Messages } from "./messages"

/** German, addressing the shopper as „Sie". */
export const de: Messages = {
  // Zahlungspläne
  "checkout.title": "In Raten zahlen",
  "plan.p2x.label": "In 2 Raten zahlen",
  "plan.p2x.description": "Die erste Rate heute, die zweite einen Monat später. Zinsfrei.",
  "plan.p3x.label": "In 3 Raten zahlen",
  "plan.p3x.description": "Die erste Rate heute, danach 2 Monatsraten. Zinsfrei.",
  "plan.p4x.label": "In 4 Raten zahlen",
  "plan.p4x.description": "Die erste Rate heute, danach 3 Monatsraten. Zinsfrei.",
  "plan.d15.label": "In 15 Tagen zahlen",
  "plan.d15.description":
    "Heute zahlen Sie nichts: Der Gesamtbetrag wird Ihrer Karte 15 Tage nach Ihrer Bestellung belastet. Zinsfrei.",
  "plan.d30.label": "In 30 Tagen zahlen",
  "plan.d30.description":
    "Heute zahlen Sie nichts: Der Gesamtbetrag wird Ihrer Karte 30 Tage nach Ihrer Bestellung belastet. Zinsfrei.",
  "plan.deferred.onShipment":
    "Heute wird nichts belastet: Ihre Karte wird lediglich geprüft. Die erste Zahlung wird beim Versand Ihrer Bestellung belastet.",
  "plan.deferred.onDelivery":
    "Heute wird nichts belastet: Ihre Karte wird lediglich geprüft. Die erste Zahlung wird bei Lieferung Ihrer Bestellung belastet.",
  "plan.deferredLater.onShipment":
    "Heute wird nichts belastet: Ihre Karte wird lediglich geprüft. Der Gesamtbetrag wird {days} Tage nach dem Versand Ihrer Bestellung belastet.",
  "plan.deferredLater.onDelivery":
    "Heute wird nichts belastet: Ihre Karte wird lediglich geprüft. Der Gesamtbetrag wird {days} Tage nach der Lieferung Ihrer Bestellung belastet.",

  // Annahme
  "accept.button.instalments": "In {count} Raten zahlen",
  "accept.button.later": "Später zahlen",
  "accept.button.verifyCard": "Meine Karte prüfen",
  "accept.answer.paymentAccepted": "Zahlung angenommen",
  "accept.answer.verified": "Karte geprüft",
  "accept.answer.validated": "Bestätigt",
  "accept.consent": "Ich habe den Zahlungsplan und die Bedingungen dieser Ratenzahlung gelesen und akzeptiere sie.",

  // Zahlungsplan
  "schedule.today": "{amount} heute",
  "schedule.onDate": "{amount} am {date}",
  "schedule.fees": "davon {fee} Gebühren",
  "schedule.lateFees": "davon {fee} Verzugsgebühren",
  "schedule.total": "Gesamt: {amount}",
  "schedule.interestFree": "Zinsfrei",
  "schedule.credit": "Kreditbetrag: {amount}",
  "schedule.creditNote":
    "Die erste Rate, die Sie heute zahlen, ist eine Anzahlung an den Händler und nicht Teil des Kredits.",
  "schedule.remaining": "Noch zu zahlen: {amount}",

  // Verantwortungsvolle Kreditvergabe
  "credit.warning":
    "Ein Kredit verpflichtet Sie und muss zurückgezahlt werden. Prüfen Sie Ihre Rückzahlungsfähigkeit, bevor Sie sich verpflichten.",
  "credit.warningCcd2": "Achtung! Ein Kredit kostet Geld.",

  // Voraussetzungen
  "reason.plan_not_offered":
    "Diese Zahlungsmöglichkeit wird für diese Bestellung nicht angeboten. Bitte wählen Sie einen anderen Zahlungsplan oder eine andere Zahlungsart.",
  "reason.currency_not_supported":
    "Ratenzahlung ist in dieser Währung nicht verfügbar. Bitte wählen Sie eine andere Zahlungsart.",
  "reason.amount_below_minimum":
    "Dieser Zahlungsplan ist ab einem Bestellwert von {min} verfügbar. Bitte wählen Sie einen anderen Zahlungsplan oder eine andere Zahlungsart.",
  "reason.amount_above_maximum":
    "Dieser Zahlungsplan ist bis zu einem Bestellwert von {max} verfügbar. Bitte wählen Sie einen anderen Zahlungsplan oder eine andere Zahlungsart.",
  "reason.country_not_supported":
    "Ratenzahlung ist nur für Personen mit Wohnsitz in einem der folgenden Länder verfügbar: {countries}. Bitte wählen Sie eine andere Zahlungsart.",
  "reason.card_network_not_accepted":
    "Diese Kartenart wird für Ratenzahlungen nicht akzeptiert. Akzeptierte Karten: {networks}. Sie können auch eine andere Zahlungsart wählen.",
  "reason.card_prepaid":
    "Prepaid-Karten werden für Ratenzahlungen nicht akzeptiert. Bitte verwenden Sie eine andere Bankkarte oder wählen Sie eine andere Zahlungsart.",
  "reason.card_virtual":
    "Virtuelle Karten werden für Ratenzahlungen nicht akzeptiert. Bitte verwenden Sie die physische Karte Ihrer Bank oder wählen Sie eine andere Zahlungsart.",
  "reason.card_systematic_authorisation":
    "Karten mit systematischer Autorisierung (z. B. Maestro oder Visa Electron) werden für Ratenzahlungen nicht akzeptiert. Bitte verwenden Sie eine andere Karte oder wählen Sie eine andere Zahlungsart.",
  "reason.card_issuer_country":
    "Ihre Karte wurde außerhalb der Europäischen Union ausgegeben und kann nicht für Ratenzahlungen verwendet werden. Bitte verwenden Sie eine in der Europäischen Union ausgegebene Karte oder wählen Sie eine andere Zahlungsart.",
  "reason.card_expires_too_soon":
    "Ihre Karte läuft vor dem Ende dieses Zahlungsplans ab. Bitte verwenden Sie eine Karte, die noch mindestens einen Monat nach der letzten Rate gültig ist, oder wählen Sie einen kürzeren Zahlungsplan.",
  "reason.credit_refused":
    "Wir können Ihre Anfrage auf Ratenzahlung für diese Bestellung leider nicht annehmen. Sie können Ihre Bestellung mit einer anderen Zahlungsart abschließen.",
  "reason.consumer_credit_not_authorised":
    "Dieser Shop kann nur Zahlungen anbieten, die innerhalb kurzer Zeit und ohne Gebühren beglichen werden. Bitte wählen Sie einen kürzeren Plan oder eine andere Zahlungsart.",

  // Status
  "status.plan.pending_start": "Noch nicht begonnen",
  "status.plan.active": "Laufend",
  "status.plan.late": "Zahlung überfällig",
  "status.plan.serious_delay": "Seit über 15 Tagen überfällig",
  "status.plan.frozen": "Ausgesetzt",
  "status.plan.completed": "Vollständig bezahlt",
  "status.plan.cancelled": "Storniert",
  "status.plan.terminated": "Gekündigt",
  "status.plan.withdrawn": "Widerrufen",
  "status.instalment.scheduled": "Anstehend",
  "status.instalment.paid": "Bezahlt",
  "status.instalment.failed": "Zahlung fehlgeschlagen",
  "status.instalment.late": "Überfällig",
  "status.instalment.cancelled": "Storniert",

  // Self-Service-Seite
  "self.title": "Ihr Zahlungsplan",
  "self.order": "Bestellung {orderNumber}",
  "self.nextInstalment": "Nächste Rate: {amount} am {date}",
  "self.card": "Karte mit der Endung {last4}",
  "self.action.payNext": "Nächste Rate jetzt zahlen",
  "self.action.payWithBank": "Mit der Bestätigung Ihrer Bank zahlen",
  "self.bank.help": "Ihre Bank bittet Sie, diese Zahlung in einem Fenster auf dieser Seite zu bestätigen (3-D Secure).",
  "self.bank.refused": "Ihre Bank hat die Zahlung nicht bestätigt: Es wurde nichts abgebucht. Sie können es erneut versuchen oder Ihre Karte ändern.",
  "self.action.payAll": "Alles jetzt zahlen",
  "self.action.postpone": "Fälligkeit verschieben",
  "self.action.changeCard": "Karte ändern",
  "self.action.withdraw": "Widerrufen",
  "self.confirm.payNext":
    "Sie zahlen jetzt vorzeitig {amount}. Eine vorzeitige Zahlung kann nicht rückgängig gemacht werden.",
  "self.confirm.payAll": "Sie zahlen jetzt den Restbetrag von {amount}. Eine vorzeitige Zahlung kann nicht rückgängig gemacht werden.",
  "self.confirm.postpone": "Ihre am {date} fällige Rate wird auf den {newDate} verschoben.",
  "self.confirm.changeCard": "Ihre künftigen Raten werden Ihrer neuen Karte belastet.",
  "self.confirm.withdraw":
    "Wenn Sie widerrufen, endet Ihr Zahlungsplan: Der Restbetrag von {amount} wird Ihrer Karte sofort belastet, und bereits gezahlte Gebühren werden Ihnen erstattet.",
  "self.done.authenticate": "Um diese Zahlung von {amount} abzuschließen, bestätigen Sie sie bei Ihrer Bank (3-D Secure) und kehren Sie dann auf diese Seite zurück.",
  "self.done.payNext": "Vielen Dank. Ihre Zahlung von {amount} ist eingegangen. Ihren aktualisierten Zahlungsplan finden Sie unten.",
  "self.done.payAll": "Vielen Dank. Ihre Zahlung von {amount} ist eingegangen: Ihre Bestellung ist vollständig bezahlt.",
  "self.done.postpone": "Erledigt: Ihre Rate ist jetzt am {date} fällig.",
  "self.done.changeCard": "Ihre neue Karte wurde gespeichert. Ihre künftigen Raten werden dieser Karte belastet.",
  "self.done.withdraw":
    "Ihr Widerruf wurde erfasst und der Restbetrag von {amount} wurde Ihrer Karte belastet. Bereits gezahlte Gebühren werden Ihnen erstattet.",
  "self.postpone.choose": "Wählen Sie ein neues Datum, höchstens {days} Tage nach der aktuellen Fälligkeit.",
  "self.withdraw.info":
    "Sie können diese Zahlungserleichterung bis zum {date} widerrufen. Der Restbetrag wird dann sofort belastet, und bereits gezahlte Gebühren werden erstattet.",
  "self.button.confirm": "Bestätigen",
  "self.button.back": "Zurück",
  "self.overdue":
    "Ihre am {date} fällige Rate von {amount} wurde nicht bezahlt. Bitte zahlen Sie sie jetzt auf dieser Seite oder kontaktieren Sie uns, wenn Sie Schwierigkeiten haben.",
  "self.frozen": "Ihr Zahlungsplan ist vorübergehend ausgesetzt und kann derzeit nicht geändert werden. Wir werden uns bei Ihnen melden.",
  "self.difficulty": "Haben Sie Schwierigkeiten beim Zahlen? Kontaktieren Sie uns: Wir suchen gemeinsam mit Ihnen nach einer Lösung.",
  "self.linkExpired": "Dieser Link ist abgelaufen",
  "self.linkExpiredHelp":
    "Zu Ihrer Sicherheit ist dieser Link nur begrenzt gültig. Bitte verwenden Sie den Link aus unserer letzten E-Mail oder kontaktieren Sie uns, um einen neuen Link zu erhalten.",
  "self.linkReplaced": "Dieser Link wurde ersetzt",
  "self.linkReplacedHelp":
    "Zu Ihrer Sicherheit funktioniert dieser Link nicht mehr: Ihnen wurde ein neuerer Link gesendet, oder die Karte Ihres Zahlungsplans wurde geändert. Bitte verwenden Sie den Link aus unserer letzten E-Mail oder kontaktieren Sie uns, um einen neuen Link zu erhalten.",
  "self.linkInvalid": "Dieser Link ist ungültig. Bitte prüfen Sie, ob Sie ihn vollständig kopiert haben.",
  "self.error.generic": "Es ist ein Fehler aufgetreten. Bitte versuchen Sie es in einigen Minuten erneut.",
  "self.error.paymentDeclined":
    "Ihre Bank hat die Zahlung abgelehnt, es wurde nichts belastet. Bitte versuchen Sie es erneut oder verwenden Sie eine andere Karte.",
  "self.error.notFound": "Wir konnten diesen Zahlungsplan nicht finden.",
  "self.schedule.title": "Zahlungsplan",
  "self.schedule.instalment": "Rate",
  "self.schedule.dueDate": "Fälligkeit",
  "self.schedule.amount": "Betrag",
  "self.schedule.status": "Status",
  "self.schedule.postponedFrom": "Verschoben vom {date}",
  "self.instalmentNumber": "Rate {count}",
  "self.actions.title": "Zahlungsplan verwalten",
  "self.postpone.instalment": "Zu verschiebende Rate",
  "self.postpone.days": "Anzahl der Tage",
  "self.changeCard.token": "Neue Karte",
  "self.changeCard.help": "Die Referenz Ihrer neuen Karte, wie sie das sichere Kartenformular angibt.",
  "self.language": "Sprache",
  "self.action.payExchange": "Differenz jetzt zahlen",
  "self.confirm.payExchange": "Ihr Umtausch kostet {amount} mehr. Dieser Betrag wird Ihrer Karte jetzt belastet.",

  // Asking for help (docs/business-rules.md §9)
  "self.support.title": "Hilfe anfordern",
  "self.support.intro": "Sagen Sie uns, was Sie brauchen. Der Shop antwortet innerhalb von 24 Stunden (auf eine Beschwerde innerhalb von 48 Arbeitsstunden), per E-Mail und auf dieser Seite.",
  "self.support.order": "Bestellnummer",
  "self.support.category": "Worum geht es?",
  "self.support.message": "Ihre Nachricht",
  "self.support.messageHelp": "Höchstens {max} Zeichen. Nennen Sie gegebenenfalls Betrag und Datum der betroffenen Zahlung.",
  "self.support.orderMatters": "Bestellung nicht erhalten oder nicht wie bestellt? Lieferungen und Produkte betreut der Shop selbst: Ihre Anfrage geht direkt an den Shop.",
  "self.support.send": "Anfrage senden",
  "self.support.sendAnyway": "Anfrage trotzdem senden",
  "self.support.solve.postpone": "Sie können eine Fälligkeit selbst verschieben, sofort, auf dieser Seite:",
  "self.support.solve.changeCard": "Sie können Ihre Karte selbst ändern, sofort, auf dieser Seite:",
  "self.support.solve.payNow": "Sie können Ihre Rate selbst bezahlen, sofort, auf dieser Seite:",
  "self.support.solve.orSend": "Wenn das Ihr Anliegen nicht löst, können Sie Ihre Anfrage trotzdem an den Shop senden.",
  "self.support.sent": "Ihre Anfrage wurde gesendet. Der Shop antwortet innerhalb von 24 Stunden, per E-Mail und auf dieser Seite.",
  "self.support.sentComplaint": "Ihre Beschwerde wurde gesendet. Der Shop antwortet innerhalb von 48 Arbeitsstunden, per E-Mail und auf dieser Seite.",
  "self.support.sentToMerchant": "Ihre Anfrage wurde an den Shop gesendet, der Lieferungen und Produkte selbst betreut. Er antwortet innerhalb von 24 Stunden, per E-Mail und auf dieser Seite.",
  "self.support.error.category": "Bitte wählen Sie, worum es in Ihrer Anfrage geht.",
  "self.support.error.messageRequired": "Bitte beschreiben Sie Ihr Anliegen im Nachrichtenfeld.",
  "self.support.error.messageTooLong": "Ihre Nachricht ist zu lang: höchstens {max} Zeichen. Bitte kürzen Sie sie; Unterlagen können Sie per E-Mail senden.",
  "self.support.error.changed": "Diese Seite hat sich inzwischen geändert, und es wurde nichts gesendet. Bitte prüfen Sie Ihre Anfragen unten und senden Sie Ihre erneut, falls sie fehlt.",
  "self.support.requests": "Ihre Anfragen",
  "self.support.openedOn": "Gesendet am {date}",
  "self.support.status.open": "Offen",
  "self.support.status.closed": "Abgeschlossen",
  "self.support.author.shopper": "Sie",
  "self.support.author.merchant": "Der Shop",
  "support.category.purchase_blocked": "Ich kann meinen Kauf nicht abschließen",
  "support.category.payment_refused": "Meine Zahlung wurde abgelehnt",
  "support.category.postpone": "Eine Fälligkeit verschieben",
  "support.category.schedule_question": "Eine Frage zu meinem Zahlungsplan",
  "support.category.change_card": "Meine Zahlungskarte ändern",
  "support.category.difficulty_paying": "Ich habe Schwierigkeiten zu zahlen",
  "support.category.order_not_received": "Meine Bestellung ist nicht angekommen",
  "support.category.order_not_as_ordered": "Meine Bestellung entspricht nicht dem Bestellten",
  "support.category.refund_confirmed": "Der Shop hat eine Erstattung bestätigt",
  "support.category.page_access": "Ich komme nicht auf die Seite meines Zahlungsplans",
  "support.category.formal_complaint": "Förmliche Beschwerde",

  // Abgelehnte Änderungen
  "refusal.postponement_limit_reached": "Sie haben bereits alle für diesen Zahlungsplan zulässigen Verschiebungen genutzt.",
  "refusal.postponement_too_long":
    "Eine Fälligkeit kann um höchstens {days} Tage verschoben werden. Bitte wählen Sie ein früheres Datum.",
  "refusal.postponement_not_allowed": "Diese Rate kann nicht mehr verschoben werden.",
  "refusal.withdrawal_period_over":
    "Die Widerrufsfrist von {days} Tagen ist abgelaufen, daher können Sie diesen Zahlungsplan nicht mehr widerrufen. Sie können jedoch jederzeit vorzeitig zahlen.",
  "refusal.nothing_left_to_pay": "Für diesen Zahlungsplan ist nichts mehr zu zahlen.",
  "refusal.plan_frozen":
    "Ihr Zahlungsplan ist vorübergehend ausgesetzt und kann derzeit nicht geändert werden. Wir werden uns bei Ihnen melden.",
  "refusal.plan_closed": "Dieser Zahlungsplan ist abgeschlossen und kann nicht mehr geändert werden.",
  "refusal.plan_not_active": "Diese Änderung ist im aktuellen Status Ihres Zahlungsplans nicht möglich.",
  "refusal.plan_not_started":
    "Ihr Zahlungsplan hat noch nicht begonnen. Dies ist möglich, sobald die erste Rate belastet wurde.",
  "refusal.payment_overdue":
    "Eine Rate ist überfällig. Bitte zahlen Sie diese zuerst; danach können Sie diese Änderung vornehmen.",
  "refusal.plan_busy": "Für Ihren Zahlungsplan wird gerade eine Zahlung bearbeitet. Bitte versuchen Sie es in einer Minute erneut; es wurde nichts ausgeführt.",
  "refusal.plan_changed":
    "Ihr Zahlungsplan hat sich in der Zwischenzeit geändert. Bitte sehen Sie ihn sich erneut an und wiederholen Sie Ihre Anfrage, falls sie noch zutrifft; es wurde nichts ausgeführt.",
  "refusal.payment_pending":
    "Ihre Zahlung wird bearbeitet. Bitte sehen Sie sich Ihren Zahlungsplan in einer Minute erneut an: Sie werden nicht doppelt belastet.",
  "refusal.card_not_eligible": "Diese Karte kann für Ihren Zahlungsplan nicht verwendet werden. Bitte verwenden Sie eine andere Karte.",
  "refusal.lender_managed": "Dieser Zahlungsplan wird von dem Kreditgeber verwaltet, der Ihre Bestellung finanziert hat: Bitte verwalten Sie ihn über den Link in dessen E-Mails.",

  // E-Mails
  "email.greeting": "Guten Tag,",
  "email.closing": "Mit freundlichen Grüßen",
  "email.viewPlan": "Meinen Zahlungsplan ansehen",
  "email.planConfirmed.subject": "Ihre Ratenzahlung für Bestellung {orderNumber} ist bestätigt",
  "email.planConfirmed.body":
    "Vielen Dank für Ihre Bestellung {orderNumber}. Ihre zinsfreie Ratenzahlung ist bestätigt: Unten finden Sie Ihren Zahlungsplan und die Bedingungen, die Sie akzeptiert haben. Ihre nächste Rate von {amount} wird Ihrer Karte am {date} belastet. Sie können Ihren Zahlungsplan jederzeit einsehen und verwalten: {link}",
  "email.cardVerified.subject": "Bestellung {orderNumber}: Ihre Karte wurde geprüft",
  "email.cardVerified.body":
    "Vielen Dank für Ihre Bestellung {orderNumber}. Ihre Karte wurde geprüft, bisher wurde nichts belastet. Ihre erste Rate von {amount} wird erst beim Versand oder bei Lieferung Ihrer Bestellung belastet; dann senden wir Ihnen Ihren Zahlungsplan. Sie können Ihren Zahlungsplan jederzeit einsehen: {link}",
  "email.reminder.subject": "Erinnerung: Ihre Rate von {amount} am {date} für Bestellung {orderNumber}",
  "email.reminder.body":
    "Die nächste Rate für Ihre Bestellung {orderNumber} in Höhe von {amount} wird Ihrer Karte am {date} belastet. Wenn Sie Ihre Karte ändern oder diese Fälligkeit verschieben möchten, können Sie dies auf der Seite Ihres Zahlungsplans tun: {link}",
  "email.paymentFailed.subject": "Bestellung {orderNumber}: Ihre Rate konnte nicht eingezogen werden",
  "email.paymentFailed.authenticationBody":
    "Wir konnten Ihre Rate von {amount}, fällig am {date}, für die Bestellung {orderNumber} nicht abbuchen: Ihre Bank verlangt, dass Sie diese Zahlung selbst bestätigen (3-D Secure). Öffnen Sie die Seite Ihres Zahlungsplans und wählen Sie, jetzt mit der Bestätigung Ihrer Bank zu zahlen: {link}. Bis dahin können wir sie nicht automatisch abbuchen.",
  "email.paymentFailed.body":
    "Wir konnten Ihre am {date} fällige Rate von {amount} für die Bestellung {orderNumber} nicht belasten. Wir versuchen es in den nächsten Tagen erneut. Sie können die Rate auch jetzt zahlen oder Ihre Karte auf der Seite Ihres Zahlungsplans ändern: {link}. Wenn Sie Schwierigkeiten beim Zahlen haben, kontaktieren Sie uns bitte: Wir suchen gemeinsam mit Ihnen nach einer Lösung.",
  "email.planUpdated.subject": "Ihr Zahlungsplan für Bestellung {orderNumber} wurde aktualisiert",
  "email.planUpdated.body":
    "Ihr Zahlungsplan für die Bestellung {orderNumber} wurde aktualisiert. Ihre nächste Rate von {amount} wird am {date} belastet. Ihren aktualisierten Zahlungsplan finden Sie unten und auf der Seite Ihres Zahlungsplans: {link}",
  "email.planCompleted.subject": "Bestellung {orderNumber}: Ihre Ratenzahlung ist abgeschlossen",
  "email.planCompleted.body":
    "Ihre letzte Rate wurde am {date} bezahlt: Die Bestellung {orderNumber} ist mit insgesamt {amount} vollständig bezahlt. Vielen Dank für Ihr Vertrauen. Ihr Zahlungsplan bleibt hier abrufbar: {link}",
  "email.scheduleTitle": "Ihr Zahlungsplan",
  "email.terms": "Akzeptierte Bedingungen: Version {version}, am {date}.",
  "email.selfServiceLink.subject": "Bestellung {orderNumber}: Ihr Link zu Ihrem Zahlungsplan",
  "email.selfServiceLink.body": "Hier ist Ihr sicherer Link, um den Zahlungsplan Ihrer Bestellung {orderNumber} einzusehen und zu verwalten: {link}. Zu Ihrer Sicherheit ist dieser Link bis zum {date} gültig.",
  "email.supportReply.subject": "Bestellung {orderNumber}: Antwort auf Ihre Anfrage",
  "email.supportReply.body": "Der Shop hat auf Ihre Anfrage zum Zahlungsplan Ihrer Bestellung {orderNumber} geantwortet:",
}
