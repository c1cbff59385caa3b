// mpgov's links on the Camunda welcome page (replaces the webapp's default config.js, which sets nothing else).
// The welcome page shows the same links to everyone: each one opens for every signed-in user and shows them
// what they may see.
export default {
  links: [
    {
      label: 'Procurement requests',
      href: '/requests',
      description: 'mpgov: follow your requests — where each one waits, every decision, what was granted'
        + ' (auditors, procurement managers and PMP administrators see every request)'
    },
    {
      label: 'Private Marketplace catalog',
      href: '/dashboard/',
      description: 'mpgov, for auditors, procurement managers and PMP administrators: the products, agreement ends,'
        + ' planned removals and grants, with an expiry timeline'
    }
  ]
};
