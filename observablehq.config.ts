// Observable Framework configuration.
// globalStylesheets: [] removes the default Google Fonts request (the site makes no third-party request);
// fonts: the system font stack (no web-font request).
export default {
  title: "Digital trade barriers & e-commerce exports",
  root: "src",
  output: "dist",
  globalStylesheets: [],
  style: "style.css",
  pages: [
    {name: "Data", path: "/data"},
    {name: "Your customs data", path: "/customs"}
  ],
  footer: "Open replication. Data: OECD DSTRI (CC BY 4.0), World Bank WDI (CC BY 4.0), IMF DOTS.",
  search: false,
  linkify: true
};
