export const replies = {
  heading: 'Texts from the debtor',
  listLabel: 'Texts the debtor sent, newest first',
  failed: 'Could not load the texts from the debtor.',
  received: 'Text received',
  classification: {
    stop: 'Read as stop on arrival: texts to this number are opted out and autodial consent revoked.',
    help: 'Asked for help: answered with our name and phone number.',
    unclassified: 'Not read yet: texts to this number are held until someone classifies it.',
  },
  readAs: {
    stop: 'Classified as stop: texts to this number are opted out and autodial consent revoked.',
    not_stop: 'Classified as not a stop request: texts to this number may resume.',
  },
  markStop: 'Means stop',
  markNotStop: 'Not a stop request',
  classifyFailed: 'Could not classify the reply: {message}',
  toRead: {
    heading: 'Replies to read ({count})',
    intro:
      'Texts to each of these numbers are held until someone reads the reply on the case screen and classifies it.',
  },
};
