/**
 * The demo shop's own words in the six shopper languages. The kit's components bring theirs, and
 * the store words plans, schedules and refusals in the language the storefront asks for.
 */
export const LANGUAGES = ["fr", "es", "de", "it", "nl", "en"] as const
export type Language = (typeof LANGUAGES)[number]

const WORDS = {
  en: {
    change: "Change", shop: "Demo shop", products: "Products", cart: "Cart", language: "Language", loading: "Loading…",
    quantity: "Quantity", addToCart: "Add to cart", emptyCart: "Your cart is empty.", subtotal: "Subtotal", checkout: "Checkout",
    notAdded: "This product could not be added to your cart. Please try again, or choose a smaller quantity.",
    email: "E-mail", firstName: "First name", lastName: "Last name", address: "Address", postalCode: "Postal code", city: "City", country: "Country",
    toPayment: "Continue to payment", shipping: "Shipping: {name}, {amount}", total: "Total to pay: {amount}",
    payWith: "Pay with", direct: "A card, in instalments", alma: "Alma", toAlma: "Continue to Alma's page",
    pickPlan: "Choose a plan first.", anotherCard: "You can choose another card above, or pay with Alma.",
    thanks: "Thank you! Your order no. {number} is placed.", byEmail: "This link also comes in your confirmation e-mail.",
    almaBack: "Back from Alma: placing your order…", almaPending: "Alma has not confirmed your payment yet.", almaRetry: "Back to Alma's page",
    almaRefused: "Alma did not accept the payment.", backToCheckout: "Back to the checkout", continueShopping: "Continue shopping",
  },
  fr: {
    change: "Modifier", shop: "Boutique de démonstration", products: "Produits", cart: "Panier", language: "Langue", loading: "Chargement…",
    quantity: "Quantité", addToCart: "Ajouter au panier", emptyCart: "Votre panier est vide.", subtotal: "Sous-total", checkout: "Commander",
    notAdded: "Ce produit n'a pas pu être ajouté au panier. Veuillez réessayer, ou choisir une quantité plus petite.",
    email: "E-mail", firstName: "Prénom", lastName: "Nom", address: "Adresse", postalCode: "Code postal", city: "Ville", country: "Pays",
    toPayment: "Continuer vers le paiement", shipping: "Livraison : {name}, {amount}", total: "Total à payer : {amount}",
    payWith: "Payer avec", direct: "Une carte, en plusieurs fois", alma: "Alma", toAlma: "Continuer sur la page d'Alma",
    pickPlan: "Choisissez d'abord un plan.", anotherCard: "Vous pouvez choisir une autre carte ci-dessus, ou payer avec Alma.",
    thanks: "Merci ! Votre commande n° {number} est passée.", byEmail: "Ce lien vous parvient aussi dans l'e-mail de confirmation.",
    almaBack: "Retour d'Alma : votre commande est en cours…", almaPending: "Alma n'a pas encore confirmé votre paiement.", almaRetry: "Retourner sur la page d'Alma",
    almaRefused: "Alma n'a pas accepté le paiement.", backToCheckout: "Retour au paiement", continueShopping: "Continuer mes achats",
  },
  es: {
    change: "Cambiar", shop: "Tienda de demostración", products: "Productos", cart: "Carrito", language: "Idioma", loading: "Cargando…",
    quantity: "Cantidad", addToCart: "Añadir al carrito", emptyCart: "Su carrito está vacío.", subtotal: "Subtotal", checkout: "Pasar por caja",
    notAdded: "No se ha podido añadir este producto al carrito. Vuelva a intentarlo o elija una cantidad menor.",
    email: "Correo electrónico", firstName: "Nombre", lastName: "Apellidos", address: "Dirección", postalCode: "Código postal", city: "Ciudad", country: "País",
    toPayment: "Continuar al pago", shipping: "Envío: {name}, {amount}", total: "Total a pagar: {amount}",
    payWith: "Pagar con", direct: "Una tarjeta, a plazos", alma: "Alma", toAlma: "Continuar en la página de Alma",
    pickPlan: "Elija primero un plan.", anotherCard: "Puede elegir otra tarjeta arriba, o pagar con Alma.",
    thanks: "¡Gracias! Su pedido n.º {number} está realizado.", byEmail: "Este enlace también le llega en el correo de confirmación.",
    almaBack: "De vuelta de Alma: realizando su pedido…", almaPending: "Alma aún no ha confirmado su pago.", almaRetry: "Volver a la página de Alma",
    almaRefused: "Alma no ha aceptado el pago.", backToCheckout: "Volver al pago", continueShopping: "Seguir comprando",
  },
  de: {
    change: "Ändern", shop: "Demo-Shop", products: "Produkte", cart: "Warenkorb", language: "Sprache", loading: "Wird geladen…",
    quantity: "Menge", addToCart: "In den Warenkorb", emptyCart: "Ihr Warenkorb ist leer.", subtotal: "Zwischensumme", checkout: "Zur Kasse",
    notAdded: "Dieses Produkt konnte nicht in den Warenkorb gelegt werden. Bitte versuchen Sie es erneut oder wählen Sie eine kleinere Menge.",
    email: "E-Mail", firstName: "Vorname", lastName: "Nachname", address: "Adresse", postalCode: "Postleitzahl", city: "Stadt", country: "Land",
    toPayment: "Weiter zur Zahlung", shipping: "Versand: {name}, {amount}", total: "Zu zahlen: {amount}",
    payWith: "Bezahlen mit", direct: "Einer Karte, in Raten", alma: "Alma", toAlma: "Weiter zur Seite von Alma",
    pickPlan: "Wählen Sie zuerst einen Plan.", anotherCard: "Sie können oben eine andere Karte wählen oder mit Alma bezahlen.",
    thanks: "Danke! Ihre Bestellung Nr. {number} ist aufgegeben.", byEmail: "Diesen Link erhalten Sie auch in der Bestätigungs-E-Mail.",
    almaBack: "Zurück von Alma: Ihre Bestellung wird aufgegeben…", almaPending: "Alma hat Ihre Zahlung noch nicht bestätigt.", almaRetry: "Zurück zur Seite von Alma",
    almaRefused: "Alma hat die Zahlung nicht angenommen.", backToCheckout: "Zurück zur Zahlung", continueShopping: "Weiter einkaufen",
  },
  it: {
    change: "Modifica", shop: "Negozio dimostrativo", products: "Prodotti", cart: "Carrello", language: "Lingua", loading: "Caricamento…",
    quantity: "Quantità", addToCart: "Aggiungi al carrello", emptyCart: "Il carrello è vuoto.", subtotal: "Subtotale", checkout: "Cassa",
    notAdded: "Non è stato possibile aggiungere questo prodotto al carrello. Riprova, o scegli una quantità minore.",
    email: "E-mail", firstName: "Nome", lastName: "Cognome", address: "Indirizzo", postalCode: "CAP", city: "Città", country: "Paese",
    toPayment: "Continua al pagamento", shipping: "Spedizione: {name}, {amount}", total: "Totale da pagare: {amount}",
    payWith: "Paga con", direct: "Una carta, a rate", alma: "Alma", toAlma: "Continua sulla pagina di Alma",
    pickPlan: "Scegli prima un piano.", anotherCard: "Puoi scegliere un'altra carta qui sopra, o pagare con Alma.",
    thanks: "Grazie! Il tuo ordine n. {number} è stato effettuato.", byEmail: "Questo link ti arriva anche nell'e-mail di conferma.",
    almaBack: "Di ritorno da Alma: ordine in corso…", almaPending: "Alma non ha ancora confermato il pagamento.", almaRetry: "Torna alla pagina di Alma",
    almaRefused: "Alma non ha accettato il pagamento.", backToCheckout: "Torna al pagamento", continueShopping: "Continua gli acquisti",
  },
  nl: {
    change: "Wijzigen", shop: "Demowinkel", products: "Producten", cart: "Winkelwagen", language: "Taal", loading: "Laden…",
    quantity: "Aantal", addToCart: "In winkelwagen", emptyCart: "Uw winkelwagen is leeg.", subtotal: "Subtotaal", checkout: "Afrekenen",
    notAdded: "Dit product kon niet aan uw winkelwagen worden toegevoegd. Probeer het opnieuw, of kies een kleiner aantal.",
    email: "E-mail", firstName: "Voornaam", lastName: "Achternaam", address: "Adres", postalCode: "Postcode", city: "Plaats", country: "Land",
    toPayment: "Verder naar betalen", shipping: "Verzending: {name}, {amount}", total: "Te betalen: {amount}",
    payWith: "Betalen met", direct: "Een kaart, in termijnen", alma: "Alma", toAlma: "Verder naar de pagina van Alma",
    pickPlan: "Kies eerst een plan.", anotherCard: "U kunt hierboven een andere kaart kiezen, of met Alma betalen.",
    thanks: "Bedankt! Uw bestelling nr. {number} is geplaatst.", byEmail: "Deze link krijgt u ook in de bevestigingsmail.",
    almaBack: "Terug van Alma: uw bestelling wordt geplaatst…", almaPending: "Alma heeft uw betaling nog niet bevestigd.", almaRetry: "Terug naar de pagina van Alma",
    almaRefused: "Alma heeft de betaling niet geaccepteerd.", backToCheckout: "Terug naar betalen", continueShopping: "Verder winkelen",
  },
} as const satisfies Record<Language, Record<string, string>>

export type WordKey = keyof (typeof WORDS)["en"]

/** The word in the language, with {placeholders} filled in. */
export function say(language: Language, key: WordKey, values: Record<string, string | number> = {}): string {
  return WORDS[language][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`))
}

const STORED = "demo-store:language"

export function initialLanguage(): Language {
  const stored = window.localStorage.getItem(STORED)
  const browser = window.navigator.language.slice(0, 2)
  return (LANGUAGES as readonly string[]).includes(stored ?? "") ? (stored as Language) : (LANGUAGES as readonly string[]).includes(browser) ? (browser as Language) : "fr"
}

export function rememberLanguage(language: Language) {
  window.localStorage.setItem(STORED, language)
}
