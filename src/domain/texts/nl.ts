import type { Messages } from "./messages"

/**
 * Dutch, addressing the shopper as "u". Written to read naturally in Belgium (where the plugin's
 * Dutch-speaking shoppers are) and in the Netherlands; the responsible-lending warning is the
 * Belgian statutory slogan "Let op, geld lenen kost ook geld."
 */
export const nl: Messages = {
  // Betaalformules
  "checkout.title": "Betalen in termijnen",
  "plan.p2x.label": "In 2 termijnen betalen",
  "plan.p2x.description": "Een eerste termijn vandaag, de tweede een maand later. Zonder rente.",
  "plan.p3x.label": "In 3 termijnen betalen",
  "plan.p3x.description": "Een eerste termijn vandaag, daarna 2 maandelijkse termijnen. Zonder rente.",
  "plan.p4x.label": "In 4 termijnen betalen",
  "plan.p4x.description": "Een eerste termijn vandaag, daarna 3 maandelijkse termijnen. Zonder rente.",
  "plan.d15.label": "Over 15 dagen betalen",
  "plan.d15.description":
    "Vandaag betaalt u niets: het volledige bedrag wordt 15 dagen na uw bestelling van uw kaart afgeschreven. Zonder rente.",
  "plan.d30.label": "Over 30 dagen betalen",
  "plan.d30.description":
    "Vandaag betaalt u niets: het volledige bedrag wordt 30 dagen na uw bestelling van uw kaart afgeschreven. Zonder rente.",
  "plan.deferred.onShipment":
    "Vandaag wordt er niets afgeschreven: uw kaart wordt alleen gecontroleerd. De eerste betaling wordt afgeschreven zodra uw bestelling is verzonden.",
  "plan.deferred.onDelivery":
    "Vandaag wordt er niets afgeschreven: uw kaart wordt alleen gecontroleerd. De eerste betaling wordt afgeschreven zodra uw bestelling is geleverd.",
  "plan.deferredLater.onShipment":
    "Vandaag wordt er niets afgeschreven: uw kaart wordt alleen gecontroleerd. Het volledige bedrag wordt {days} dagen na de verzending van uw bestelling afgeschreven.",
  "plan.deferredLater.onDelivery":
    "Vandaag wordt er niets afgeschreven: uw kaart wordt alleen gecontroleerd. Het volledige bedrag wordt {days} dagen na de levering van uw bestelling afgeschreven.",

  // Aanvaarding
  "accept.button.instalments": "In {count} termijnen betalen",
  "accept.button.later": "Later betalen",
  "accept.button.verifyCard": "Mijn kaart verifiëren",
  "accept.answer.paymentAccepted": "Betaling geaccepteerd",
  "accept.answer.verified": "Kaart geverifieerd",
  "accept.answer.validated": "Bevestigd",
  "accept.consent": "Ik heb het betalingsschema en de voorwaarden van deze betaling in termijnen gelezen en ga ermee akkoord.",

  // Betalingsschema
  "schedule.today": "{amount} vandaag",
  "schedule.onDate": "{amount} op {date}",
  "schedule.fees": "waarvan {fee} kosten",
  "schedule.lateFees": "waarvan {fee} kosten voor te late betaling",
  "schedule.total": "Totaal: {amount}",
  "schedule.interestFree": "Zonder rente",
  "schedule.credit": "Kredietbedrag: {amount}",
  "schedule.creditNote":
    "De eerste termijn, die u vandaag betaalt, is een voorschot aan de verkoper en maakt geen deel uit van het krediet.",
  "schedule.remaining": "Nog te betalen: {amount}",

  // Verantwoord lenen
  "credit.warning":
    "Een krediet is een verbintenis en moet worden terugbetaald. Ga na of u de terugbetalingen kunt dragen voordat u zich verbindt.",
  "credit.warningCcd2": "Let op, geld lenen kost ook geld.",

  // Voorwaarden
  "reason.plan_not_offered":
    "Deze betaalformule wordt voor deze bestelling niet aangeboden. Kies een andere formule of een andere betaalmethode.",
  "reason.currency_not_supported":
    "Betalen in termijnen is niet mogelijk in deze valuta. Kies een andere betaalmethode.",
  "reason.amount_below_minimum":
    "Deze formule is beschikbaar voor bestellingen vanaf {min}. Kies een andere formule of een andere betaalmethode.",
  "reason.amount_above_maximum":
    "Deze formule is beschikbaar voor bestellingen tot {max}. Kies een andere formule of een andere betaalmethode.",
  "reason.country_not_supported":
    "Betalen in termijnen is alleen mogelijk voor inwoners van een van de volgende landen: {countries}. Kies een andere betaalmethode.",
  "reason.card_network_not_accepted":
    "Dit type kaart wordt niet geaccepteerd voor betalen in termijnen. Geaccepteerde kaarten: {networks}. U kunt ook een andere betaalmethode kiezen.",
  "reason.card_prepaid":
    "Prepaidkaarten worden niet geaccepteerd voor betalen in termijnen. Gebruik een andere bankkaart of kies een andere betaalmethode.",
  "reason.card_virtual":
    "Virtuele kaarten worden niet geaccepteerd voor betalen in termijnen. Gebruik de fysieke kaart van uw bank of kies een andere betaalmethode.",
  "reason.card_systematic_authorisation":
    "Kaarten met systematische autorisatie (zoals Maestro of Visa Electron) worden niet geaccepteerd voor betalen in termijnen. Gebruik een andere kaart of kies een andere betaalmethode.",
  "reason.card_issuer_country":
    "Uw kaart is buiten de Europese Unie uitgegeven en kan niet worden gebruikt voor betalen in termijnen. Gebruik een kaart die in de Europese Unie is uitgegeven of kies een andere betaalmethode.",
  "reason.card_expires_too_soon":
    "Uw kaart vervalt vóór het einde van dit betalingsschema. Gebruik een kaart die geldig blijft tot minstens een maand na de laatste termijn, of kies een kortere formule.",
  "reason.credit_refused":
    "Wij kunnen uw aanvraag om in termijnen te betalen voor deze bestelling helaas niet aanvaarden. U kunt uw bestelling met een andere betaalmethode afronden.",
  "reason.consumer_credit_not_authorised":
    "Deze winkel kan alleen betalingen aanbieden die binnen een korte termijn en zonder kosten worden voldaan. Kies een korter plan of een andere betaalmethode.",

  // Statussen
  "status.plan.pending_start": "Nog niet gestart",
  "status.plan.active": "Lopend",
  "status.plan.late": "Betaling achterstallig",
  "status.plan.serious_delay": "Meer dan 15 dagen achterstallig",
  "status.plan.frozen": "Opgeschort",
  "status.plan.completed": "Volledig betaald",
  "status.plan.cancelled": "Geannuleerd",
  "status.plan.terminated": "Beëindigd",
  "status.plan.withdrawn": "Herroepen",
  "status.instalment.scheduled": "Gepland",
  "status.instalment.paid": "Betaald",
  "status.instalment.failed": "Betaling mislukt",
  "status.instalment.late": "Achterstallig",
  "status.instalment.cancelled": "Geannuleerd",

  // Beheerpagina
  "self.title": "Uw betalingsschema",
  "self.order": "Bestelling {orderNumber}",
  "self.nextInstalment": "Volgende termijn: {amount} op {date}",
  "self.card": "Kaart eindigend op {last4}",
  "self.action.payNext": "Volgende termijn nu betalen",
  "self.action.payWithBank": "Betalen met de bevestiging van uw bank",
  "self.bank.help": "Uw bank vraagt u deze betaling te bevestigen (3-D Secure) in een venster op deze pagina.",
  "self.bank.refused": "Uw bank heeft de betaling niet bevestigd: er is niets afgeschreven. U kunt het opnieuw proberen of uw kaart wijzigen.",
  "self.action.payAll": "Alles nu betalen",
  "self.action.postpone": "Een vervaldatum uitstellen",
  "self.action.changeCard": "Kaart wijzigen",
  "self.action.withdraw": "Herroepen",
  "self.confirm.payNext":
    "U staat op het punt nu vervroegd {amount} te betalen. Een vervroegde betaling kan niet ongedaan worden gemaakt.",
  "self.confirm.payAll": "U staat op het punt nu het resterende bedrag van {amount} te betalen. Een vervroegde betaling kan niet ongedaan worden gemaakt.",
  "self.confirm.postpone": "Uw termijn die vervalt op {date} wordt uitgesteld tot {newDate}.",
  "self.confirm.changeCard": "Uw volgende termijnen worden van uw nieuwe kaart afgeschreven.",
  "self.confirm.withdraw":
    "Als u herroept, eindigt uw betalingsschema: het resterende bedrag van {amount} wordt onmiddellijk van uw kaart afgeschreven en reeds betaalde kosten worden u terugbetaald.",
  "self.done.authenticate": "Bevestig deze betaling van {amount} bij uw bank (3-D Secure) om ze af te ronden en kom daarna terug naar deze pagina.",
  "self.done.payNext": "Dank u. Wij hebben uw betaling van {amount} ontvangen. Hieronder vindt u uw bijgewerkte betalingsschema.",
  "self.done.payAll": "Dank u. Wij hebben uw betaling van {amount} ontvangen: uw bestelling is volledig betaald.",
  "self.done.postpone": "Gelukt: uw termijn vervalt nu op {date}.",
  "self.done.changeCard": "Uw nieuwe kaart is opgeslagen. Uw volgende termijnen worden van deze kaart afgeschreven.",
  "self.done.withdraw":
    "Uw herroeping is geregistreerd en het resterende bedrag van {amount} is van uw kaart afgeschreven. Reeds betaalde kosten worden u terugbetaald.",
  "self.postpone.choose": "Kies een nieuwe datum, uiterlijk {days} dagen na de huidige vervaldatum.",
  "self.withdraw.info":
    "U kunt deze betalingsfaciliteit tot en met {date} herroepen. Het resterende bedrag wordt dan onmiddellijk afgeschreven en reeds betaalde kosten worden terugbetaald.",
  "self.button.confirm": "Bevestigen",
  "self.button.back": "Terug",
  "self.overdue":
    "Uw termijn van {amount} die op {date} verviel, is niet betaald. Betaal deze nu via deze pagina, of neem contact met ons op als u moeilijkheden ondervindt.",
  "self.frozen": "Uw betalingsschema is tijdelijk opgeschort en kan op dit moment niet worden gewijzigd. Wij nemen contact met u op.",
  "self.difficulty": "Hebt u moeite met betalen? Neem contact met ons op: wij zoeken samen met u naar een oplossing.",
  "self.linkExpired": "Deze link is verlopen",
  "self.linkExpiredHelp":
    "Voor uw veiligheid is deze link slechts beperkt geldig. Gebruik de link in onze meest recente e-mail, of neem contact met ons op om een nieuwe link te ontvangen.",
  "self.linkReplaced": "Deze link is vervangen",
  "self.linkReplacedHelp":
    "Voor uw veiligheid werkt deze link niet meer: er is u een nieuwere link gestuurd, of de kaart van uw betalingsplan is gewijzigd. Gebruik de link in onze meest recente e-mail, of neem contact met ons op om een nieuwe link te ontvangen.",
  "self.linkInvalid": "Deze link is niet geldig. Controleer of u hem volledig hebt gekopieerd.",
  "self.error.generic": "Er is iets misgegaan. Probeer het over enkele minuten opnieuw.",
  "self.error.paymentDeclined":
    "Uw bank heeft de betaling geweigerd en er is niets afgeschreven. Probeer het opnieuw of gebruik een andere kaart.",
  "self.error.notFound": "Wij hebben dit betalingsschema niet gevonden.",
  "self.schedule.title": "Betalingsschema",
  "self.schedule.instalment": "Termijn",
  "self.schedule.dueDate": "Vervaldatum",
  "self.schedule.amount": "Bedrag",
  "self.schedule.status": "Status",
  "self.schedule.postponedFrom": "Uitgesteld vanaf {date}",
  "self.instalmentNumber": "Termijn {count}",
  "self.actions.title": "Uw betalingsschema beheren",
  "self.postpone.instalment": "Termijn om uit te stellen",
  "self.postpone.days": "Aantal dagen",
  "self.changeCard.token": "Nieuwe kaart",
  "self.changeCard.help": "De referentie van uw nieuwe kaart, zoals het beveiligde kaartformulier die geeft.",
  "self.language": "Taal",
  "self.action.payExchange": "Het verschil nu betalen",
  "self.confirm.payExchange": "Uw ruil kost {amount} meer. Dit bedrag wordt nu van uw kaart afgeschreven.",

  // Asking for help (docs/business-rules.md §9)
  "self.support.title": "Hulp vragen",
  "self.support.intro": "Vertel ons wat u nodig hebt. De winkel antwoordt binnen 24 uur (op een klacht binnen 48 werkuren), per e-mail en op deze pagina.",
  "self.support.order": "Bestelnummer",
  "self.support.category": "Waar gaat uw vraag over?",
  "self.support.message": "Uw bericht",
  "self.support.messageHelp": "Hoogstens {max} tekens. Vermeld het bedrag en de datum van de betaling in kwestie, als die er is.",
  "self.support.orderMatters": "Bestelling niet ontvangen of niet zoals besteld? De winkel regelt leveringen en producten zelf: uw vraag gaat rechtstreeks naar de winkel.",
  "self.support.send": "Mijn vraag versturen",
  "self.support.sendAnyway": "Mijn vraag toch versturen",
  "self.support.solve.postpone": "U kunt een vervaldatum zelf uitstellen, meteen, op deze pagina:",
  "self.support.solve.changeCard": "U kunt uw kaart zelf wijzigen, meteen, op deze pagina:",
  "self.support.solve.payNow": "U kunt uw termijn zelf betalen, meteen, op deze pagina:",
  "self.support.solve.orSend": "Lost dat het niet op, dan kunt u uw vraag toch naar de winkel sturen.",
  "self.support.sent": "Uw vraag is verstuurd. De winkel antwoordt binnen 24 uur, per e-mail en op deze pagina.",
  "self.support.sentComplaint": "Uw klacht is verstuurd. De winkel antwoordt binnen 48 werkuren, per e-mail en op deze pagina.",
  "self.support.sentToMerchant": "Uw vraag is naar de winkel gestuurd, die leveringen en producten zelf regelt. De winkel antwoordt binnen 24 uur, per e-mail en op deze pagina.",
  "self.support.error.category": "Kies waar uw vraag over gaat.",
  "self.support.error.messageRequired": "Beschrijf uw vraag in het berichtveld.",
  "self.support.error.messageTooLong": "Uw bericht is te lang: hoogstens {max} tekens. Maak het korter; documenten kunt u per e-mail sturen.",
  "self.support.error.changed": "Deze pagina is intussen veranderd en er is niets verstuurd. Kijk hieronder naar uw vragen en stuur de uwe opnieuw als die er niet bij staat.",
  "self.support.requests": "Uw vragen",
  "self.support.openedOn": "Verstuurd op {date}",
  "self.support.status.open": "Open",
  "self.support.status.closed": "Gesloten",
  "self.support.author.shopper": "U",
  "self.support.author.merchant": "De winkel",
  "support.category.purchase_blocked": "Ik kan mijn aankoop niet afronden",
  "support.category.payment_refused": "Mijn betaling is geweigerd",
  "support.category.postpone": "Een vervaldatum uitstellen",
  "support.category.schedule_question": "Een vraag over mijn betaalschema",
  "support.category.change_card": "Mijn betaalkaart wijzigen",
  "support.category.difficulty_paying": "Ik heb moeite met betalen",
  "support.category.order_not_received": "Mijn bestelling is niet aangekomen",
  "support.category.order_not_as_ordered": "Mijn bestelling is niet wat ik bestelde",
  "support.category.refund_confirmed": "De winkel heeft een terugbetaling bevestigd",
  "support.category.page_access": "Ik kan de pagina van mijn betaalplan niet openen",
  "support.category.formal_complaint": "Formele klacht",

  // Geweigerde wijzigingen
  "refusal.postponement_limit_reached": "U hebt alle toegestane uitstellen voor dit betalingsschema al gebruikt.",
  "refusal.postponement_too_long": "Een vervaldatum kan met maximaal {days} dagen worden uitgesteld. Kies een eerdere datum.",
  "refusal.postponement_not_allowed": "Deze termijn kan niet meer worden uitgesteld.",
  "refusal.withdrawal_period_over":
    "De herroepingstermijn van {days} dagen is verstreken, waardoor u dit betalingsschema niet meer kunt herroepen. U kunt wel altijd vervroegd betalen.",
  "refusal.nothing_left_to_pay": "Er valt niets meer te betalen voor dit betalingsschema.",
  "refusal.plan_frozen":
    "Uw betalingsschema is tijdelijk opgeschort en kan op dit moment niet worden gewijzigd. Wij nemen contact met u op.",
  "refusal.plan_closed": "Dit betalingsschema is afgesloten en kan niet meer worden gewijzigd.",
  "refusal.plan_not_active": "Deze wijziging is niet mogelijk in de huidige status van uw betalingsschema.",
  "refusal.plan_not_started":
    "Uw betalingsschema is nog niet gestart. Dit is mogelijk zodra de eerste termijn is afgeschreven.",
  "refusal.payment_overdue": "Er is een termijn achterstallig. Betaal die eerst; daarna kunt u deze wijziging uitvoeren.",
  "refusal.plan_busy": "Er wordt op dit moment een betaling voor uw schema verwerkt. Probeer het over een minuut opnieuw; er is niets gedaan.",
  "refusal.plan_changed":
    "Uw betalingsschema is intussen gewijzigd. Bekijk het opnieuw en herhaal uw verzoek als het nog van toepassing is; er is niets gedaan.",
  "refusal.payment_pending":
    "Uw betaling wordt verwerkt. Bekijk uw schema over een minuut opnieuw: er wordt niet twee keer afgeschreven.",
  "refusal.card_not_eligible": "Deze kaart kan niet worden gebruikt voor uw betalingsschema. Gebruik een andere kaart.",
  "refusal.lender_managed": "Dit betalingsschema wordt beheerd door de kredietverstrekker die uw bestelling heeft gefinancierd: beheer het via de link in diens e-mails.",

  // E-mails
  "email.greeting": "Geachte klant,",
  "email.closing": "Met vriendelijke groet,",
  "email.viewPlan": "Mijn betalingsschema bekijken",
  "email.planConfirmed.subject": "Uw betaling in termijnen voor bestelling {orderNumber} is bevestigd",
  "email.planConfirmed.body":
    "Dank u voor uw bestelling {orderNumber}. Uw renteloze betaling in termijnen is bevestigd: hieronder vindt u uw betalingsschema en de voorwaarden die u hebt aanvaard. Uw volgende termijn van {amount} wordt op {date} van uw kaart afgeschreven. U kunt uw betalingsschema op elk moment bekijken en beheren: {link}",
  "email.cardVerified.subject": "Bestelling {orderNumber}: uw kaart is geverifieerd",
  "email.cardVerified.body":
    "Dank u voor uw bestelling {orderNumber}. Uw kaart is geverifieerd en er is nog niets afgeschreven. Uw eerste termijn van {amount} wordt pas afgeschreven wanneer uw bestelling is verzonden of geleverd; dan sturen wij u uw betalingsschema. U kunt uw betalingsschema op elk moment bekijken: {link}",
  "email.reminder.subject": "Herinnering: uw termijn van {amount} op {date} voor bestelling {orderNumber}",
  "email.reminder.body":
    "De volgende termijn voor uw bestelling {orderNumber}, ten bedrage van {amount}, wordt op {date} van uw kaart afgeschreven. Wilt u uw kaart wijzigen of deze vervaldatum uitstellen, dan kan dat via de pagina van uw betalingsschema: {link}",
  "email.paymentFailed.subject": "Bestelling {orderNumber}: uw termijn kon niet worden afgeschreven",
  "email.paymentFailed.authenticationBody":
    "We konden uw termijn van {amount}, te betalen op {date}, voor bestelling {orderNumber} niet afschrijven: uw bank vraagt u deze betaling zelf te bevestigen (3-D Secure). Open de pagina van uw betalingsplan en kies om nu te betalen met de bevestiging van uw bank: {link}. Tot dan kunnen we de termijn niet automatisch afschrijven.",
  "email.paymentFailed.body":
    "Wij konden uw termijn van {amount} die op {date} verviel voor bestelling {orderNumber} niet afschrijven. Wij proberen het de komende dagen opnieuw. U kunt de termijn ook nu betalen of uw kaart wijzigen via de pagina van uw betalingsschema: {link}. Hebt u moeite met betalen, neem dan contact met ons op: wij zoeken samen met u naar een oplossing.",
  "email.planUpdated.subject": "Uw betalingsschema voor bestelling {orderNumber} is bijgewerkt",
  "email.planUpdated.body":
    "Uw betalingsschema voor bestelling {orderNumber} is bijgewerkt. Uw volgende termijn van {amount} wordt op {date} afgeschreven. U vindt uw bijgewerkte betalingsschema hieronder en op de pagina van uw betalingsschema: {link}",
  "email.planCompleted.subject": "Bestelling {orderNumber}: uw betaling in termijnen is voltooid",
  "email.planCompleted.body":
    "Uw laatste termijn is op {date} betaald: bestelling {orderNumber} is volledig betaald, voor een totaal van {amount}. Dank u voor uw vertrouwen. Uw betalingsschema blijft hier beschikbaar: {link}",
  "email.scheduleTitle": "Uw betalingsschema",
  "email.terms": "Aanvaarde voorwaarden: versie {version}, op {date}.",
  "email.selfServiceLink.subject": "Bestelling {orderNumber}: uw link naar uw betalingsschema",
  "email.selfServiceLink.body": "Hier is uw beveiligde link om het betalingsschema van uw bestelling {orderNumber} te bekijken en te beheren: {link}. Voor uw veiligheid is deze link geldig tot {date}.",
  "email.supportReply.subject": "Bestelling {orderNumber}: antwoord op uw vraag",
  "email.supportReply.body": "De winkel heeft uw vraag over het betalingsschema van uw bestelling {orderNumber} beantwoord:",
}
