import type { Messages } from "./messages"

/** Spanish (Spain), addressing the shopper as «usted». */
export const es: Messages = {
  // Modalidades
  "checkout.title": "Pagar a plazos",
  "plan.p2x.label": "Pagar en 2 plazos",
  "plan.p2x.description": "Un primer pago hoy y el segundo un mes después. Sin intereses.",
  "plan.p3x.label": "Pagar en 3 plazos",
  "plan.p3x.description": "Un primer pago hoy y, después, 2 cuotas mensuales. Sin intereses.",
  "plan.p4x.label": "Pagar en 4 plazos",
  "plan.p4x.description": "Un primer pago hoy y, después, 3 cuotas mensuales. Sin intereses.",
  "plan.d15.label": "Pagar en 15 días",
  "plan.d15.description":
    "Hoy no paga nada: el importe total se cargará en su tarjeta 15 días después de su pedido. Sin intereses.",
  "plan.d30.label": "Pagar en 30 días",
  "plan.d30.description":
    "Hoy no paga nada: el importe total se cargará en su tarjeta 30 días después de su pedido. Sin intereses.",
  "plan.deferred.onShipment":
    "Hoy no se le cobra nada: solo se verifica su tarjeta. El primer pago se cargará cuando se envíe su pedido.",
  "plan.deferred.onDelivery":
    "Hoy no se le cobra nada: solo se verifica su tarjeta. El primer pago se cargará cuando se entregue su pedido.",
  "plan.deferredLater.onShipment":
    "Hoy no se le cobra nada: solo se verifica su tarjeta. El importe total se cargará {days} días después del envío de su pedido.",
  "plan.deferredLater.onDelivery":
    "Hoy no se le cobra nada: solo se verifica su tarjeta. El importe total se cargará {days} días después de la entrega de su pedido.",

  // Aceptación
  "accept.button.instalments": "Pagar en {count} plazos",
  "accept.button.later": "Pagar más tarde",
  "accept.button.verifyCard": "Verificar mi tarjeta",
  "accept.answer.paymentAccepted": "Pago aceptado",
  "accept.answer.verified": "Tarjeta verificada",
  "accept.answer.validated": "Validado",
  "accept.consent": "He leído y acepto el calendario de pagos y las condiciones de este pago a plazos.",

  // Calendario de pagos
  "schedule.today": "{amount} hoy",
  "schedule.onDate": "{amount} el {date}",
  "schedule.fees": "incluidos {fee} de comisión",
  "schedule.lateFees": "incluidos {fee} de recargo por demora",
  "schedule.total": "Total: {amount}",
  "schedule.interestFree": "Sin intereses",
  "schedule.credit": "Importe del crédito: {amount}",
  "schedule.creditNote":
    "El primer pago, abonado hoy, es un pago a cuenta al comercio y no forma parte del crédito.",
  "schedule.remaining": "Pendiente de pago: {amount}",

  // Crédito responsable
  "credit.warning":
    "Un crédito le compromete y debe devolverse. Compruebe su capacidad de reembolso antes de comprometerse.",
  "credit.warningCcd2": "¡Atención! Pedir dinero prestado cuesta dinero.",

  // Elegibilidad
  "reason.plan_not_offered":
    "Esta modalidad de pago no está disponible para este pedido. Elija otra modalidad u otro método de pago.",
  "reason.currency_not_supported":
    "El pago a plazos no está disponible en esta moneda. Elija otro método de pago.",
  "reason.amount_below_minimum":
    "Esta modalidad está disponible para pedidos a partir de {min}. Elija otra modalidad u otro método de pago.",
  "reason.amount_above_maximum":
    "Esta modalidad está disponible para pedidos de hasta {max}. Elija otra modalidad u otro método de pago.",
  "reason.country_not_supported":
    "El pago a plazos solo está disponible para residentes en uno de los siguientes países: {countries}. Elija otro método de pago.",
  "reason.card_network_not_accepted":
    "Este tipo de tarjeta no se acepta para el pago a plazos. Tarjetas aceptadas: {networks}. También puede elegir otro método de pago.",
  "reason.card_prepaid":
    "Las tarjetas prepago no se aceptan para el pago a plazos. Utilice otra tarjeta bancaria o elija otro método de pago.",
  "reason.card_virtual":
    "Las tarjetas virtuales no se aceptan para el pago a plazos. Utilice la tarjeta física emitida por su banco o elija otro método de pago.",
  "reason.card_systematic_authorisation":
    "Las tarjetas de autorización sistemática (como Maestro o Visa Electron) no se aceptan para el pago a plazos. Utilice otra tarjeta o elija otro método de pago.",
  "reason.card_issuer_country":
    "Su tarjeta ha sido emitida fuera de la Unión Europea y no puede utilizarse para el pago a plazos. Utilice una tarjeta emitida en la Unión Europea o elija otro método de pago.",
  "reason.card_expires_too_soon":
    "Su tarjeta caduca antes del final de este calendario de pagos. Utilice una tarjeta que siga siendo válida al menos hasta un mes después del último pago, o elija una modalidad más corta.",
  "reason.credit_refused":
    "No podemos aceptar su solicitud de pago a plazos para este pedido. Puede completar su compra con otro método de pago.",
  "reason.consumer_credit_not_authorised":
    "Esta tienda solo puede ofrecer pagos liquidados en un plazo corto y sin gastos. Elija una modalidad más corta u otro medio de pago.",

  // Estados
  "status.plan.pending_start": "Aún no iniciado",
  "status.plan.active": "En curso",
  "status.plan.late": "Pago atrasado",
  "status.plan.serious_delay": "Atrasado más de 15 días",
  "status.plan.frozen": "Suspendido",
  "status.plan.completed": "Pagado por completo",
  "status.plan.cancelled": "Cancelado",
  "status.plan.terminated": "Contrato resuelto",
  "status.plan.withdrawn": "Desistimiento ejercido",
  "status.instalment.scheduled": "Programado",
  "status.instalment.paid": "Pagado",
  "status.instalment.failed": "Pago fallido",
  "status.instalment.late": "Atrasado",
  "status.instalment.cancelled": "Cancelado",

  // Página de gestión
  "self.title": "Su calendario de pagos",
  "self.order": "Pedido {orderNumber}",
  "self.nextInstalment": "Próximo pago: {amount} el {date}",
  "self.card": "Tarjeta terminada en {last4}",
  "self.action.payNext": "Pagar ahora el próximo plazo",
  "self.action.payWithBank": "Pagar con la confirmación de su banco",
  "self.bank.help": "Su banco le pedirá que confirme este pago (3-D Secure) en una ventana de esta página.",
  "self.bank.refused": "Su banco no ha confirmado el pago: no se ha cobrado nada. Puede intentarlo de nuevo o cambiar de tarjeta.",
  "self.action.payAll": "Pagar todo ahora",
  "self.action.postpone": "Aplazar un pago",
  "self.action.changeCard": "Cambiar de tarjeta",
  "self.action.withdraw": "Desistir",
  "self.confirm.payNext":
    "Va a pagar ahora {amount}, antes de la fecha prevista. Un pago anticipado no se puede anular.",
  "self.confirm.payAll": "Va a pagar ahora el importe pendiente de {amount}. Un pago anticipado no se puede anular.",
  "self.confirm.postpone": "Su pago previsto para el {date} se aplazará al {newDate}.",
  "self.confirm.changeCard": "Los próximos pagos se cargarán en su nueva tarjeta.",
  "self.confirm.withdraw":
    "Si desiste, su calendario de pagos finaliza: el importe pendiente de {amount} se cargará de inmediato en su tarjeta y se le reembolsarán las comisiones ya pagadas.",
  "self.done.authenticate": "Para terminar este pago de {amount}, confírmelo con su banco (3-D Secure) y vuelva después a esta página.",
  "self.done.payNext": "Gracias. Hemos recibido su pago de {amount}. A continuación figura su calendario actualizado.",
  "self.done.payAll": "Gracias. Hemos recibido su pago de {amount}: su pedido está pagado por completo.",
  "self.done.postpone": "Hecho: su pago vence ahora el {date}.",
  "self.done.changeCard": "Su nueva tarjeta se ha guardado correctamente. Los próximos pagos se cargarán en ella.",
  "self.done.withdraw":
    "Hemos registrado su desistimiento y el importe pendiente de {amount} se ha cargado en su tarjeta. Se le reembolsarán las comisiones ya pagadas.",
  "self.postpone.choose": "Elija una nueva fecha, como máximo {days} días después de la fecha de pago actual.",
  "self.withdraw.info":
    "Puede desistir de esta facilidad de pago hasta el {date}. En ese caso, el importe pendiente se cargará de inmediato y se le reembolsarán las comisiones ya pagadas.",
  "self.button.confirm": "Confirmar",
  "self.button.back": "Volver",
  "self.overdue":
    "Su pago de {amount} previsto para el {date} no se ha abonado. Le rogamos que lo abone ahora desde esta página o que se ponga en contacto con nosotros si tiene dificultades.",
  "self.frozen": "Su calendario de pagos está suspendido temporalmente y por ahora no se puede modificar. Nos pondremos en contacto con usted.",
  "self.difficulty": "¿Tiene dificultades para pagar? Póngase en contacto con nosotros: buscaremos una solución con usted.",
  "self.linkExpired": "Este enlace ha caducado",
  "self.linkExpiredHelp":
    "Por su seguridad, este enlace solo es válido durante un tiempo limitado. Utilice el enlace de nuestro último correo electrónico o póngase en contacto con nosotros para recibir uno nuevo.",
  "self.linkReplaced": "Este enlace ha sido sustituido",
  "self.linkReplacedHelp":
    "Por su seguridad, este enlace ya no funciona: se le ha enviado un enlace más reciente, o se ha cambiado la tarjeta de su plan de pagos. Utilice el enlace de nuestro último correo electrónico o póngase en contacto con nosotros para recibir uno nuevo.",
  "self.linkInvalid": "Este enlace no es válido. Compruebe que lo ha copiado completo.",
  "self.error.generic": "Se ha producido un error. Vuelva a intentarlo dentro de unos minutos.",
  "self.error.paymentDeclined":
    "Su banco ha rechazado el pago y no se ha cargado ningún importe. Vuelva a intentarlo o utilice otra tarjeta.",
  "self.error.notFound": "No hemos encontrado este calendario de pagos.",
  "self.schedule.title": "Calendario de pagos",
  "self.schedule.instalment": "Pago",
  "self.schedule.dueDate": "Fecha",
  "self.schedule.amount": "Importe",
  "self.schedule.status": "Estado",
  "self.schedule.postponedFrom": "Aplazado desde el {date}",
  "self.instalmentNumber": "Pago {count}",
  "self.actions.title": "Gestionar mi plan de pagos",
  "self.postpone.instalment": "Pago que desea aplazar",
  "self.postpone.days": "Número de días",
  "self.changeCard.token": "Nueva tarjeta",
  "self.changeCard.help": "La referencia de su nueva tarjeta, tal como la facilita el formulario de tarjeta seguro.",
  "self.language": "Idioma",
  "self.action.payExchange": "Pagar la diferencia ahora",
  "self.confirm.payExchange": "Su cambio cuesta {amount} más. Este importe se cargará ahora en su tarjeta.",

  // Asking for help (docs/business-rules.md §9)
  "self.support.title": "Pedir ayuda",
  "self.support.intro": "Díganos qué necesita. La tienda le responde en 24 horas (una reclamación, en 48 horas hábiles), por correo electrónico y en esta página.",
  "self.support.order": "Referencia del pedido",
  "self.support.category": "¿Sobre qué es su solicitud?",
  "self.support.message": "Su mensaje",
  "self.support.messageHelp": "{max} caracteres como máximo. Indique el importe y la fecha del pago afectado, si lo hay.",
  "self.support.orderMatters": "¿Pedido no recibido o no conforme? La tienda gestiona ella misma los envíos y los productos: su solicitud le llega directamente.",
  "self.support.send": "Enviar mi solicitud",
  "self.support.sendAnyway": "Enviar mi solicitud de todos modos",
  "self.support.solve.postpone": "Puede aplazar un vencimiento usted mismo, ahora mismo, en esta página:",
  "self.support.solve.changeCard": "Puede cambiar de tarjeta usted mismo, ahora mismo, en esta página:",
  "self.support.solve.payNow": "Puede pagar su plazo usted mismo, ahora mismo, en esta página:",
  "self.support.solve.orSend": "Si eso no lo resuelve, puede enviar igualmente su solicitud a la tienda.",
  "self.support.sent": "Su solicitud se ha enviado. La tienda le responderá en 24 horas, por correo electrónico y en esta página.",
  "self.support.sentComplaint": "Su reclamación se ha enviado. La tienda le responderá en 48 horas hábiles, por correo electrónico y en esta página.",
  "self.support.sentToMerchant": "Su solicitud se ha enviado a la tienda, que gestiona ella misma los envíos y los productos. Le responderá en 24 horas, por correo electrónico y en esta página.",
  "self.support.error.category": "Elija el motivo de su solicitud.",
  "self.support.error.messageRequired": "Describa su solicitud en el campo del mensaje.",
  "self.support.error.messageTooLong": "Su mensaje es demasiado largo: {max} caracteres como máximo. Acórtelo; puede enviar documentos por correo electrónico.",
  "self.support.error.changed": "Esta página ha cambiado mientras tanto y no se ha enviado nada. Compruebe sus solicitudes más abajo y vuelva a enviar la suya si no aparece.",
  "self.support.requests": "Sus solicitudes",
  "self.support.openedOn": "Enviada el {date}",
  "self.support.status.open": "Abierta",
  "self.support.status.closed": "Cerrada",
  "self.support.author.shopper": "Usted",
  "self.support.author.merchant": "La tienda",
  "support.category.purchase_blocked": "No consigo terminar mi compra",
  "support.category.payment_refused": "Mi pago ha sido rechazado",
  "support.category.postpone": "Aplazar un vencimiento",
  "support.category.schedule_question": "Una pregunta sobre mi calendario de pagos",
  "support.category.change_card": "Cambiar mi tarjeta de pago",
  "support.category.difficulty_paying": "Tengo dificultades para pagar",
  "support.category.order_not_received": "No he recibido mi pedido",
  "support.category.order_not_as_ordered": "Mi pedido no es lo que pedí",
  "support.category.refund_confirmed": "La tienda me ha confirmado un reembolso",
  "support.category.page_access": "No puedo acceder a la página de mi plan de pagos",
  "support.category.formal_complaint": "Reclamación",

  // Solicitudes rechazadas
  "refusal.postponement_limit_reached": "Ya ha utilizado todos los aplazamientos permitidos para este calendario de pagos.",
  "refusal.postponement_too_long": "Un pago puede aplazarse {days} días como máximo. Elija una fecha anterior.",
  "refusal.postponement_not_allowed": "Este pago ya no se puede aplazar.",
  "refusal.withdrawal_period_over":
    "El plazo de desistimiento de {days} días ha finalizado, por lo que ya no puede desistir de este calendario de pagos. Puede seguir pagando por anticipado en cualquier momento.",
  "refusal.nothing_left_to_pay": "No queda nada pendiente de pago en este calendario.",
  "refusal.plan_frozen":
    "Su calendario de pagos está suspendido temporalmente y por ahora no se puede modificar. Nos pondremos en contacto con usted.",
  "refusal.plan_closed": "Este calendario de pagos está cerrado y ya no se puede modificar.",
  "refusal.plan_not_active": "Este cambio no es posible en el estado actual de su calendario de pagos.",
  "refusal.plan_not_started":
    "Su calendario de pagos aún no ha comenzado. Esta operación será posible una vez cargado el primer pago.",
  "refusal.payment_overdue": "Tiene un pago atrasado. Abónelo primero; después podrá realizar este cambio.",
  "refusal.plan_busy": "Se está procesando un pago de su calendario. Vuelva a intentarlo dentro de un minuto; no se ha hecho nada.",
  "refusal.plan_changed":
    "Su calendario de pagos ha cambiado mientras tanto. Consúltelo de nuevo y repita su solicitud si sigue siendo válida; no se ha hecho nada.",
  "refusal.payment_pending":
    "Su pago se está procesando. Consulte de nuevo su calendario dentro de un minuto: no se le cobrará dos veces.",
  "refusal.card_not_eligible": "Esta tarjeta no puede utilizarse para su calendario de pagos. Utilice otra tarjeta.",
  "refusal.lender_managed": "Este plan de pagos lo gestiona la entidad que financió su pedido: gestiónelo desde el enlace que figura en sus correos electrónicos.",

  // Correos electrónicos
  "email.greeting": "Estimado/a cliente:",
  "email.closing": "Atentamente,",
  "email.viewPlan": "Ver mi calendario de pagos",
  "email.planConfirmed.subject": "Su pago a plazos del pedido {orderNumber} está confirmado",
  "email.planConfirmed.body":
    "Gracias por su pedido {orderNumber}. Su pago a plazos sin intereses está confirmado: a continuación encontrará su calendario de pagos y las condiciones que ha aceptado. Su próximo pago de {amount} se cargará en su tarjeta el {date}. Puede consultar y gestionar su calendario de pagos en cualquier momento: {link}",
  "email.cardVerified.subject": "Pedido {orderNumber}: su tarjeta ha sido verificada",
  "email.cardVerified.body":
    "Gracias por su pedido {orderNumber}. Su tarjeta ha sido verificada y todavía no se ha cargado ningún importe. Su primer pago de {amount} solo se cargará cuando su pedido se envíe o se entregue; entonces le enviaremos su calendario de pagos. Puede consultar su calendario de pagos en cualquier momento: {link}",
  "email.reminder.subject": "Recordatorio: su pago de {amount} el {date} del pedido {orderNumber}",
  "email.reminder.body":
    "El próximo pago de su pedido {orderNumber}, por importe de {amount}, se cargará en su tarjeta el {date}. Si desea cambiar de tarjeta o aplazar este pago, puede hacerlo desde la página de su calendario de pagos: {link}",
  "email.paymentFailed.subject": "Pedido {orderNumber}: no se ha podido cobrar su pago",
  "email.paymentFailed.authenticationBody":
    "No hemos podido cobrar su plazo de {amount} con vencimiento el {date} del pedido {orderNumber}: su banco le pide que confirme usted mismo este pago (3-D Secure). Abra la página de su plan de pagos y elija pagar ahora con la confirmación de su banco: {link}. Hasta entonces, no podremos cobrarlo automáticamente.",
  "email.paymentFailed.body":
    "No hemos podido cargar su pago de {amount} previsto para el {date} del pedido {orderNumber}. Volveremos a intentarlo en los próximos días. También puede abonarlo ahora o cambiar de tarjeta desde la página de su calendario de pagos: {link}. Si tiene dificultades para pagar, póngase en contacto con nosotros: buscaremos una solución con usted.",
  "email.planUpdated.subject": "Se ha actualizado su calendario de pagos del pedido {orderNumber}",
  "email.planUpdated.body":
    "Se ha actualizado el calendario de pagos de su pedido {orderNumber}. Su próximo pago de {amount} se cargará el {date}. Encontrará su calendario actualizado a continuación y en la página de su calendario de pagos: {link}",
  "email.planCompleted.subject": "Pedido {orderNumber}: su pago a plazos se ha completado",
  "email.planCompleted.body":
    "Su último pago se abonó el {date}: el pedido {orderNumber} está pagado por completo, por un total de {amount}. Gracias por su confianza. Su calendario de pagos sigue disponible aquí: {link}",
  "email.scheduleTitle": "Su calendario de pagos",
  "email.terms": "Condiciones aceptadas: versión {version}, el {date}.",
  "email.selfServiceLink.subject": "Pedido {orderNumber}: su enlace a su plan de pagos",
  "email.selfServiceLink.body": "Este es su enlace seguro para consultar y gestionar el plan de pagos de su pedido {orderNumber}: {link}. Por su seguridad, este enlace es válido hasta el {date}.",
  "email.supportReply.subject": "Pedido {orderNumber}: respuesta a su solicitud",
  "email.supportReply.body": "La tienda ha respondido a su solicitud sobre el plan de pagos de su pedido {orderNumber}:",
}
