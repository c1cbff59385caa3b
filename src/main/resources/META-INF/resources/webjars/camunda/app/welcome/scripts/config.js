// mpgov's links on the Camunda welcome page (replaces the webapp's default config.js, which sets nothing else).
export default {
  links: [
    {
      label: 'Private Marketplace catalog',
      href: '/dashboard/',
      description: 'mpgov: the PMP products, agreement ends, planned removals and grants, with an expiry timeline'
    },
    {
      label: 'Audit evidence (last 30 days, CSV)',
      href: '/api/audit/evidence?format=csv&from=' + new Date(Date.now() - 30 * 864e5).toISOString().slice(0, 10)
        + '&to=' + new Date().toISOString().slice(0, 10),
      description: 'mpgov: every decision, DMN evaluation, AWS change and review (auditors)'
    }
  ]
};
