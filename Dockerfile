# jamsos-bot: one image for every instance (Telegram webhook workers, the WhatsApp instance, the
# staff CLIs). Mirrors CI (.ci/run): Debian's Chromium from apt, then `npm ci` with puppeteer's
# browser download off (.puppeteerrc.cjs). Build: docker build -t jamsos-bot .
FROM node:20.19-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc .puppeteerrc.cjs ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY types types
COPY locales locales
COPY src src
COPY scripts scripts
RUN npm run build && npm prune --omit=dev

FROM node:20.19-bookworm-slim
# Chromium for whatsapp-web.js (the same Debian package CI installs); tini forwards SIGTERM so the
# bot's own shutdown (SHUTDOWN_TIMEOUT_SECONDS) runs; fonts for the QR PNG and emoji.
RUN apt-get update \
  && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium tini fonts-noto-color-emoji \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    DATA_DIR=/data \
    CHROMIUM_PATH=/usr/bin/chromium \
    CHROMIUM_NO_SANDBOX=true \
    HEALTH_HOST=0.0.0.0 \
    HEALTH_PORT=8080 \
    TERMINAL_CHAT=false
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY --from=build /app/locales locales
COPY config config
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
# 8080: /health and /ready; 8443: Telegram webhook (TELEGRAM_WEBHOOK_PORT).
EXPOSE 8080 8443
HEALTHCHECK --interval=30s --timeout=5s --start-period=40s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.HEALTH_PORT||8080)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["node", "dist/src/main.js"]
