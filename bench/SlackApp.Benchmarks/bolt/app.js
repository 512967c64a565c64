// The peer of the ack row: bolt-js 4 acknowledging the same signed `/usergems help` with the same JSON as the app.
// Installed by the benchmark into a temp folder (never into git) and found through NODE_PATH.
const { App, LogLevel } = require('@slack/bolt');

const ack = JSON.parse(process.env.BENCH_ACK_BODY || '{}');
const app = new App({
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  // With the bot's ids given, bolt never calls auth.test (there is no Slack here), at start or per request.
  token: 'xoxb-bench',
  botId: 'B0BOT',
  botUserId: 'U0BOT',
  tokenVerificationEnabled: false,
  logLevel: LogLevel.ERROR,
  customRoutes: [{ path: '/healthz', method: ['GET'], handler: (req, res) => { res.writeHead(200); res.end('ok'); } }],
});

app.command('/usergems', async ({ ack: reply }) => {
  await reply(ack);
});

(async () => {
  await app.start({ port: Number(process.env.PORT), host: '127.0.0.1' });
})();
