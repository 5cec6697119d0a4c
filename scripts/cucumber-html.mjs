// Cucumber's own HTML report from reports/cucumber.ndjson, with the official @cucumber/html-formatter
// (installed by `make` from package-lock.json). Usage: node scripts/cucumber-html.mjs EINGABE.ndjson AUSGABE.html
import fs from 'node:fs'
import { pipeline } from 'node:stream/promises'

const [, , eingabe, ausgabe] = process.argv
if (!eingabe || !ausgabe) {
  console.error('Aufruf: node scripts/cucumber-html.mjs EINGABE.ndjson AUSGABE.html')
  process.exit(2)
}
if (!fs.existsSync(eingabe)) {
  console.error(`Die Datei ${eingabe} fehlt – zuerst die Szenarien mit --cucumber-ndjson laufen lassen (macht make).`)
  process.exit(2)
}
let module
try {
  module = {
    streams: await import('@cucumber/message-streams'),
    html: await import('@cucumber/html-formatter'),
  }
} catch {
  console.error('@cucumber/html-formatter fehlt – „npm ci“ im Projektordner ausführen (macht make).')
  process.exit(3)
}
try {
  await pipeline(
    fs.createReadStream(eingabe, { encoding: 'utf-8' }),
    new module.streams.NdjsonToMessageStream(),
    new module.html.CucumberHtmlStream(),
    fs.createWriteStream(ausgabe, { encoding: 'utf-8' }),
  )
} catch (fehler) {
  console.error(`Cucumber-Bericht nicht geschrieben: ${fehler.message}`)
  process.exit(1)
}
console.log(`Cucumber-Bericht geschrieben: ${ausgabe}`)
