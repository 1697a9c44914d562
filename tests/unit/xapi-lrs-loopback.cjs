// Forces every server's listen() onto 127.0.0.1 (the LRS has no host setting).
const net = require('node:net');
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  // Says on stdout which port it really holds, so a test knows the LRS answering is this one (not another test's).
  this.once('listening', () => process.stdout.write(`tw-lrs-listening ${this.address().port}\n`));
  if (typeof args[0] === 'number' || typeof args[0] === 'string' && /^\d+$/.test(args[0])) {
    const port = Number(args[0]);
    const cb = args.find((a) => typeof a === 'function');
    return listen.call(this, { port, host: '127.0.0.1' }, cb);
  }
  if (args[0] && typeof args[0] === 'object' && !('path' in args[0])) args[0] = { ...args[0], host: '127.0.0.1' };
  return listen.apply(this, args);
};
