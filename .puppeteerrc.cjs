/** Never download a browser: whatsapp-web.js drives Debian's Chromium (see README). */
/** @type {import("puppeteer").Configuration} */
module.exports = { skipDownload: true };
