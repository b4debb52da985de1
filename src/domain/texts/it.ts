import type { Messages } from "./messages"

/**
 * Italian, addressing the shopper with «Lei» (courtesy pronouns in lower case, as is usual today).
 * Buttons use the customary UI imperative ("Paga", "Verifica"). Articles before dates are elided
 * at run time where Italian requires it ("l'8 dicembre", "dell'11 marzo"): see `t()`.
 */
export const it: Messages = {
  // Modalità
  "checkout.title": "Pagamento rateale",
  "plan.p2x.label": "Pagamento in 2 rate",
  "plan.p2x.description": "Una prima rata oggi e la seconda un mese dopo. Senza interessi.",
  "plan.p3x.label": "Pagamento in 3 rate",
  "plan.p3x.description": "Una prima rata oggi, poi 2 rate mensili. Senza interessi.",
  "plan.p4x.label": "Pagamento in 4 rate",
  "plan.p4x.description": "Una prima rata oggi, poi 3 rate mensili. Senza interessi.",
  "plan.d15.label": "Pagamento a 15 giorni",
  "plan.d15.description":
    "Oggi non paga nulla: l'importo totale viene addebitato sulla sua carta 15 giorni dopo l'ordine. Senza interessi.",
  "plan.d30.label": "Pagamento a 30 giorni",
  "plan.d30.description":
    "Oggi non paga nulla: l'importo totale viene addebitato sulla sua carta 30 giorni dopo l'ordine. Senza interessi.",
  "plan.deferred.onShipment":
    "Oggi non viene addebitato nulla: la sua carta viene soltanto verificata. Il primo pagamento sarà addebitato alla spedizione dell'ordine.",
  "plan.deferred.onDelivery":
    "Oggi non viene addebitato nulla: la sua carta viene soltanto verificata. Il primo pagamento sarà addebitato alla consegna dell'ordine.",
  "plan.deferredLater.onShipment":
    "Oggi non viene addebitato nulla: la sua carta viene soltanto verificata. L'importo totale sarà addebitato {days} giorni dopo la spedizione dell'ordine.",
  "plan.deferredLater.onDelivery":
    "Oggi non viene addebitato nulla: la sua carta viene soltanto verificata. L'importo totale sarà addebitato {days} giorni dopo la consegna dell'ordine.",

  // Accettazione
  "accept.button.instalments": "Paga in {count} rate",
  "accept.button.later": "Paga più tardi",
  "accept.button.verifyCard": "Verifica la mia carta",
  "accept.answer.paymentAccepted": "Pagamento accettato",
  "accept.answer.verified": "Carta verificata",
  "accept.answer.validated": "Confermato",
  "accept.consent": "Ho letto e accetto il piano dei pagamenti e le condizioni di questo pagamento rateale.",

  // Piano dei pagamenti
  "schedule.today": "{amount} oggi",
  "schedule.onDate": "{amount} il {date}",
  "schedule.fees": "di cui {fee} di commissioni",
  "schedule.lateFees": "di cui {fee} di penale per ritardo",
  "schedule.total": "Totale: {amount}",
  "schedule.interestFree": "Senza interessi",
  "schedule.credit": "Importo del credito: {amount}",
  "schedule.creditNote":
    "La prima rata, pagata oggi, è un acconto versato al venditore e non fa parte del credito.",
  "schedule.remaining": "Importo residuo: {amount}",

  // Credito responsabile
  "credit.warning":
    "Un credito la impegna e deve essere rimborsato. Verifichi la sua capacità di rimborso prima di impegnarsi.",
  "credit.warningCcd2": "Attenzione! Prendere denaro in prestito costa denaro.",

  // Requisiti
  "reason.plan_not_offered":
    "Questa modalità di pagamento non è disponibile per questo ordine. Scelga un'altra modalità o un altro metodo di pagamento.",
  "reason.currency_not_supported":
    "Il pagamento rateale non è disponibile in questa valuta. Scelga un altro metodo di pagamento.",
  "reason.amount_below_minimum":
    "Questa modalità è disponibile per ordini a partire da {min}. Scelga un'altra modalità o un altro metodo di pagamento.",
  "reason.amount_above_maximum":
    "Questa modalità è disponibile per ordini fino a {max}. Scelga un'altra modalità o un altro metodo di pagamento.",
  "reason.country_not_supported":
    "Il pagamento rateale è riservato ai residenti in uno dei seguenti Paesi: {countries}. Scelga un altro metodo di pagamento.",
  "reason.card_network_not_accepted":
    "Questo tipo di carta non è accettato per il pagamento rateale. Carte accettate: {networks}. Può anche scegliere un altro metodo di pagamento.",
  "reason.card_prepaid":
    "Le carte prepagate non sono accettate per il pagamento rateale. Utilizzi un'altra carta bancaria o scelga un altro metodo di pagamento.",
  "reason.card_virtual":
    "Le carte virtuali non sono accettate per il pagamento rateale. Utilizzi la carta fisica emessa dalla sua banca o scelga un altro metodo di pagamento.",
  "reason.card_systematic_authorisation":
    "Le carte ad autorizzazione sistematica (come Maestro o Visa Electron) non sono accettate per il pagamento rateale. Utilizzi un'altra carta o scelga un altro metodo di pagamento.",
  "reason.card_issuer_country":
    "La sua carta è stata emessa al di fuori dell'Unione europea e non può essere utilizzata per il pagamento rateale. Utilizzi una carta emessa nell'Unione europea o scelga un altro metodo di pagamento.",
  "reason.card_expires_too_soon":
    "La sua carta scade prima della fine di questo piano dei pagamenti. Utilizzi una carta valida almeno fino a un mese dopo l'ultima rata, oppure scelga una modalità più breve.",
  "reason.credit_refused":
    "Non siamo in grado di accettare la sua richiesta di pagamento rateale per questo ordine. Può completare l'acquisto con un altro metodo di pagamento.",
  "reason.consumer_credit_not_authorised":
    "Questo negozio può offrire solo pagamenti saldati entro un breve periodo e senza costi. Scegli un piano più breve o un altro metodo di pagamento.",

  // Stati
  "status.plan.pending_start": "Non ancora iniziato",
  "status.plan.active": "In corso",
  "status.plan.late": "Pagamento in ritardo",
  "status.plan.serious_delay": "In ritardo da oltre 15 giorni",
  "status.plan.frozen": "Sospeso",
  "status.plan.completed": "Pagato per intero",
  "status.plan.cancelled": "Annullato",
  "status.plan.terminated": "Contratto risolto",
  "status.plan.withdrawn": "Recesso esercitato",
  "status.instalment.scheduled": "Programmata",
  "status.instalment.paid": "Pagata",
  "status.instalment.failed": "Pagamento non riuscito",
  "status.instalment.late": "In ritardo",
  "status.instalment.cancelled": "Annullata",

  // Pagina di gestione
  "self.title": "Il suo piano dei pagamenti",
  "self.order": "Ordine {orderNumber}",
  "self.nextInstalment": "Prossima rata: {amount} il {date}",
  "self.card": "Carta che termina con {last4}",
  "self.action.payNext": "Paga ora la prossima rata",
  "self.action.payWithBank": "Paga con la conferma della sua banca",
  "self.bank.help": "La sua banca le chiederà di confermare questo pagamento (3-D Secure) in una finestra di questa pagina.",
  "self.bank.refused": "La sua banca non ha confermato il pagamento: non è stato addebitato nulla. Può riprovare o cambiare carta.",
  "self.action.payAll": "Paga tutto ora",
  "self.action.postpone": "Posticipa una scadenza",
  "self.action.changeCard": "Cambia carta",
  "self.action.withdraw": "Recedi",
  "self.confirm.payNext":
    "Sta per pagare ora {amount}, in anticipo rispetto alla scadenza. Un pagamento anticipato non può essere annullato.",
  "self.confirm.payAll": "Sta per pagare ora l'importo residuo di {amount}. Un pagamento anticipato non può essere annullato.",
  "self.confirm.postpone": "La rata in scadenza il {date} sarà posticipata al {newDate}.",
  "self.confirm.changeCard": "Le prossime rate saranno addebitate sulla sua nuova carta.",
  "self.confirm.withdraw":
    "Se recede, il piano dei pagamenti termina: l'importo residuo di {amount} sarà addebitato subito sulla sua carta e le commissioni già pagate le saranno rimborsate.",
  "self.done.authenticate": "Per completare questo pagamento di {amount}, lo confermi presso la sua banca (3-D Secure), poi torni su questa pagina.",
  "self.done.payNext": "Grazie. Abbiamo ricevuto il suo pagamento di {amount}. Qui sotto trova il piano dei pagamenti aggiornato.",
  "self.done.payAll": "Grazie. Abbiamo ricevuto il suo pagamento di {amount}: il suo ordine è interamente pagato.",
  "self.done.postpone": "Fatto: la sua rata ora scade il {date}.",
  "self.done.changeCard": "La sua nuova carta è stata registrata. Le prossime rate saranno addebitate su questa carta.",
  "self.done.withdraw":
    "Il suo recesso è stato registrato e l'importo residuo di {amount} è stato addebitato sulla sua carta. Le commissioni già pagate le saranno rimborsate.",
  "self.postpone.choose": "Scelga una nuova data, al massimo {days} giorni dopo la scadenza attuale.",
  "self.withdraw.info":
    "Può recedere da questa dilazione di pagamento fino al {date}. In tal caso l'importo residuo viene addebitato subito e le commissioni già pagate le vengono rimborsate.",
  "self.button.confirm": "Conferma",
  "self.button.back": "Indietro",
  "self.overdue":
    "La sua rata di {amount} in scadenza il {date} non è stata pagata. La invitiamo a pagarla ora da questa pagina o a contattarci in caso di difficoltà.",
  "self.frozen": "Il suo piano dei pagamenti è temporaneamente sospeso e per ora non può essere modificato. La contatteremo noi.",
  "self.difficulty": "Ha difficoltà a pagare? Ci contatti: cercheremo insieme una soluzione.",
  "self.linkExpired": "Questo link è scaduto",
  "self.linkExpiredHelp":
    "Per la sua sicurezza, questo link è valido solo per un periodo limitato. Utilizzi il link della nostra e-mail più recente oppure ci contatti per riceverne uno nuovo.",
  "self.linkReplaced": "Questo link è stato sostituito",
  "self.linkReplacedHelp":
    "Per la sua sicurezza, questo link non funziona più: le è stato inviato un link più recente, oppure la carta del suo piano di pagamento è stata cambiata. Utilizzi il link della nostra e-mail più recente oppure ci contatti per riceverne uno nuovo.",
  "self.linkInvalid": "Questo link non è valido. Verifichi di averlo copiato per intero.",
  "self.error.generic": "Si è verificato un errore. Riprovi tra qualche minuto.",
  "self.error.paymentDeclined":
    "La sua banca ha rifiutato il pagamento e non è stato addebitato alcun importo. Riprovi o utilizzi un'altra carta.",
  "self.error.notFound": "Non abbiamo trovato questo piano dei pagamenti.",
  "self.schedule.title": "Piano dei pagamenti",
  "self.schedule.instalment": "Rata",
  "self.schedule.dueDate": "Scadenza",
  "self.schedule.amount": "Importo",
  "self.schedule.status": "Stato",
  "self.schedule.postponedFrom": "Posticipata dal {date}",
  "self.instalmentNumber": "Rata {count}",
  "self.actions.title": "Gestisca il suo piano dei pagamenti",
  "self.postpone.instalment": "Rata da posticipare",
  "self.postpone.days": "Numero di giorni",
  "self.changeCard.token": "Nuova carta",
  "self.changeCard.help": "Il riferimento della sua nuova carta, come indicato dal modulo di pagamento sicuro.",
  "self.language": "Lingua",
  "self.action.payExchange": "Paghi ora la differenza",
  "self.confirm.payExchange": "Il suo cambio costa {amount} in più. Questo importo sarà addebitato ora sulla sua carta.",

  // Asking for help (docs/business-rules.md §9)
  "self.support.title": "Chiedere aiuto",
  "self.support.intro": "Ci dica di cosa ha bisogno. Il negozio risponde entro 24 ore (a un reclamo entro 48 ore lavorative), via e-mail e su questa pagina.",
  "self.support.order": "Riferimento dell'ordine",
  "self.support.category": "Di cosa si tratta?",
  "self.support.message": "Il suo messaggio",
  "self.support.messageHelp": "Al massimo {max} caratteri. Indichi l'importo e la data del pagamento interessato, se c'è.",
  "self.support.orderMatters": "Ordine non ricevuto o non conforme? Le consegne e i prodotti li gestisce il negozio stesso: la sua richiesta gli arriva direttamente.",
  "self.support.send": "Inviare la mia richiesta",
  "self.support.sendAnyway": "Inviare comunque la mia richiesta",
  "self.support.solve.postpone": "Può rinviare una scadenza da sé, subito, su questa pagina:",
  "self.support.solve.changeCard": "Può cambiare carta da sé, subito, su questa pagina:",
  "self.support.solve.payNow": "Può pagare la sua rata da sé, subito, su questa pagina:",
  "self.support.solve.orSend": "Se questo non risolve, può comunque inviare la sua richiesta al negozio.",
  "self.support.sent": "La sua richiesta è stata inviata. Il negozio le risponderà entro 24 ore, via e-mail e su questa pagina.",
  "self.support.sentComplaint": "Il suo reclamo è stato inviato. Il negozio le risponderà entro 48 ore lavorative, via e-mail e su questa pagina.",
  "self.support.sentToMerchant": "La sua richiesta è stata inviata al negozio, che gestisce da sé le consegne e i prodotti. Le risponderà entro 24 ore, via e-mail e su questa pagina.",
  "self.support.error.category": "Scelga l'oggetto della sua richiesta.",
  "self.support.error.messageRequired": "Descriva la sua richiesta nel campo del messaggio.",
  "self.support.error.messageTooLong": "Il suo messaggio è troppo lungo: al massimo {max} caratteri. Lo accorci; può inviare documenti via e-mail.",
  "self.support.error.changed": "Questa pagina è cambiata nel frattempo e non è stato inviato nulla. Controlli le sue richieste qui sotto e invii di nuovo la sua se non c'è.",
  "self.support.requests": "Le sue richieste",
  "self.support.openedOn": "Inviata il {date}",
  "self.support.status.open": "Aperta",
  "self.support.status.closed": "Chiusa",
  "self.support.author.shopper": "Lei",
  "self.support.author.merchant": "Il negozio",
  "support.category.purchase_blocked": "Non riesco a completare l'acquisto",
  "support.category.payment_refused": "Il mio pagamento è stato rifiutato",
  "support.category.postpone": "Rinviare una scadenza",
  "support.category.schedule_question": "Una domanda sul mio piano di pagamento",
  "support.category.change_card": "Cambiare la carta di pagamento",
  "support.category.difficulty_paying": "Ho difficoltà a pagare",
  "support.category.order_not_received": "Non ho ricevuto il mio ordine",
  "support.category.order_not_as_ordered": "Il mio ordine non è conforme",
  "support.category.refund_confirmed": "Il negozio mi ha confermato un rimborso",
  "support.category.page_access": "Non riesco ad accedere alla pagina del mio piano",
  "support.category.formal_complaint": "Reclamo formale",

  // Richieste rifiutate
  "refusal.postponement_limit_reached": "Ha già utilizzato tutti i posticipi consentiti per questo piano dei pagamenti.",
  "refusal.postponement_too_long": "Una scadenza può essere posticipata al massimo di {days} giorni. Scelga una data precedente.",
  "refusal.postponement_not_allowed": "Questa rata non può più essere posticipata.",
  "refusal.withdrawal_period_over":
    "Il periodo di recesso di {days} giorni è terminato, quindi non può più recedere da questo piano dei pagamenti. Può comunque pagare in anticipo in qualsiasi momento.",
  "refusal.nothing_left_to_pay": "Non resta nulla da pagare su questo piano dei pagamenti.",
  "refusal.plan_frozen":
    "Il suo piano dei pagamenti è temporaneamente sospeso e per ora non può essere modificato. La contatteremo noi.",
  "refusal.plan_closed": "Questo piano dei pagamenti è chiuso e non può più essere modificato.",
  "refusal.plan_not_active": "Questa modifica non è possibile nello stato attuale del suo piano dei pagamenti.",
  "refusal.plan_not_started":
    "Il suo piano dei pagamenti non è ancora iniziato. Questa operazione sarà possibile dopo l'addebito della prima rata.",
  "refusal.payment_overdue": "Una rata è in ritardo. La paghi prima; potrà poi effettuare questa modifica.",
  "refusal.plan_busy": "È in corso l'elaborazione di un pagamento del suo piano. Riprovi tra un minuto; non è stato fatto nulla.",
  "refusal.plan_changed":
    "Il suo piano dei pagamenti è cambiato nel frattempo. Lo consulti di nuovo e ripeta la richiesta se è ancora valida; non è stato fatto nulla.",
  "refusal.payment_pending":
    "Il suo pagamento è in corso di elaborazione. Consulti di nuovo il suo piano tra un minuto: non le sarà addebitato due volte.",
  "refusal.card_not_eligible": "Questa carta non può essere utilizzata per il suo piano dei pagamenti. Utilizzi un'altra carta.",
  "refusal.lender_managed": "Questo piano dei pagamenti è gestito dall'ente che ha finanziato il suo ordine: lo gestisca dal link presente nelle sue e-mail.",

  // E-mail
  "email.greeting": "Gentile cliente,",
  "email.closing": "Cordiali saluti,",
  "email.viewPlan": "Visualizza il mio piano dei pagamenti",
  "email.planConfirmed.subject": "Il pagamento rateale dell'ordine {orderNumber} è confermato",
  "email.planConfirmed.body":
    "Grazie per il suo ordine {orderNumber}. Il suo pagamento rateale senza interessi è confermato: qui sotto trova il piano dei pagamenti e le condizioni che ha accettato. La prossima rata di {amount} sarà addebitata sulla sua carta il {date}. Può consultare e gestire il suo piano dei pagamenti in qualsiasi momento: {link}",
  "email.cardVerified.subject": "Ordine {orderNumber}: la sua carta è stata verificata",
  "email.cardVerified.body":
    "Grazie per il suo ordine {orderNumber}. La sua carta è stata verificata e finora non è stato addebitato nulla. La prima rata di {amount} sarà addebitata solo alla spedizione o alla consegna dell'ordine; le invieremo allora il piano dei pagamenti. Può consultare il suo piano dei pagamenti in qualsiasi momento: {link}",
  "email.reminder.subject": "Promemoria: la sua rata di {amount} il {date} per l'ordine {orderNumber}",
  "email.reminder.body":
    "La prossima rata del suo ordine {orderNumber}, pari a {amount}, sarà addebitata sulla sua carta il {date}. Se desidera cambiare carta o posticipare questa scadenza, può farlo dalla pagina del suo piano dei pagamenti: {link}",
  "email.paymentFailed.subject": "Ordine {orderNumber}: non è stato possibile addebitare la sua rata",
  "email.paymentFailed.authenticationBody":
    "Non siamo riusciti ad addebitare la sua rata di {amount} in scadenza il {date} per l'ordine {orderNumber}: la sua banca le chiede di confermare lei stesso questo pagamento (3-D Secure). Apra la pagina del suo piano di pagamento e scelga di pagare ora con la conferma della sua banca: {link}. Fino ad allora non potremo addebitarla automaticamente.",
  "email.paymentFailed.body":
    "Non è stato possibile addebitare la sua rata di {amount} in scadenza il {date} per l'ordine {orderNumber}. Effettueremo un nuovo tentativo nei prossimi giorni. Può anche pagarla ora o cambiare carta dalla pagina del suo piano dei pagamenti: {link}. Se ha difficoltà a pagare, ci contatti: cercheremo insieme una soluzione.",
  "email.planUpdated.subject": "Il piano dei pagamenti dell'ordine {orderNumber} è stato aggiornato",
  "email.planUpdated.body":
    "Il piano dei pagamenti del suo ordine {orderNumber} è stato aggiornato. La prossima rata di {amount} sarà addebitata il {date}. Trova il piano aggiornato qui sotto e nella pagina del suo piano dei pagamenti: {link}",
  "email.planCompleted.subject": "Ordine {orderNumber}: il suo pagamento rateale è completato",
  "email.planCompleted.body":
    "La sua ultima rata è stata pagata il {date}: l'ordine {orderNumber} è interamente pagato, per un totale di {amount}. Grazie per la fiducia. Il suo piano dei pagamenti resta consultabile qui: {link}",
  "email.scheduleTitle": "Il suo piano dei pagamenti",
  "email.terms": "Condizioni accettate: versione {version}, il {date}.",
  "email.selfServiceLink.subject": "Ordine {orderNumber}: il link al suo piano dei pagamenti",
  "email.selfServiceLink.body": "Ecco il suo link sicuro per consultare e gestire il piano dei pagamenti dell'ordine {orderNumber}: {link}. Per la sua sicurezza, questo link è valido fino al {date}.",
  "email.supportReply.subject": "Ordine {orderNumber}: risposta alla sua richiesta",
  "email.supportReply.body": "Il negozio ha risposto alla sua richiesta sul piano dei pagamenti dell'ordine {orderNumber}:",
}
