export interface WelcomeViewModel {
  title: string;
  paragraphs: string[];
}

/** The greeting sent once when the bot is installed in a personal chat, a team or a group chat. */
export function buildWelcomeViewModel(): WelcomeViewModel {
  return {
    title: 'Velkommen til jobcenterbotten',
    paragraphs: [
      'Jeg hjælper sagsbehandlere med screening af nyledige, virksomhedskonsulenter med jobåbninger og morgenmødets tavle, og ledere med teamets mål.',
      'Skriv **hjælp** for at se, hvad jeg kan.',
    ],
  };
}
