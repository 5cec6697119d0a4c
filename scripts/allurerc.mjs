// Allure 3 (npm "allure", installed by make) for reports/allure-ergebnisse: German interface.
// make bericht: node_modules/.bin/allure generate reports/allure-ergebnisse --config scripts/allurerc.mjs -o reports/allure
export default {
  name: "Absprung aus ams.5 nach Thinksurance",
  plugins: {
    awesome: { options: { singleFile: true, reportLanguage: "de", reportName: "Absprung aus ams.5 nach Thinksurance" } },
  },
};
