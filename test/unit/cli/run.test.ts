import { strict as assert } from 'node:assert';
import { runCliInProcess as run } from '../cliInProcess';

// The dispatcher in-process: what goes to stdout (asked for) and stderr (errors), and the status.

describe('qa-lens: commands, help and usage errors', () => {
  it('without a command: exit 2, the usage on stderr (it comes with an error), nothing on stdout', async () => {
    const { status, stdout, stderr } = await run([]);
    assert.equal(status, 2);
    assert.equal(stdout, '');
    assert.match(stderr, /^qa-lens: no command given\n\nUsage: qa-lens <command> \[options\]/);
  });

  it('--help, help and help <command> print to stdout and exit 0; --version prints the version', async () => {
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const { status, stdout, stderr } = await run(argv);
      assert.equal(status, 0, argv.join(' '));
      assert.match(stdout, /^Usage: qa-lens <command>/);
      assert.equal(stderr, '');
    }
    assert.match((await run(['help', 'scan'])).stdout, /^Usage: qa-lens scan /);
    assert.match((await run(['scan', '--help'])).stdout, /^Usage: qa-lens scan /);
    assert.match((await run(['--version'])).stdout, /^\d+\.\d+\.\d+/);
  });

  it('names an unknown command or option as such, in lower case like every other message', async () => {
    const command = await run(['scna']);
    assert.equal(command.status, 2);
    assert.match(command.stderr, /^qa-lens: unknown command 'scna'\n/);
    const option = await run(['--bogus']);
    assert.equal(option.status, 2);
    assert.match(option.stderr, /^qa-lens: unknown option '--bogus'\n/);
    const scanOption = await run(['scan', '--bogus']);
    assert.equal(scanOption.status, 2);
    assert.match(scanOption.stderr, /^qa-lens scan: unknown option '--bogus'\n\nUsage: qa-lens scan /);
    const missing = await run(['scan', '--format']);
    assert.match(missing.stderr, /^qa-lens scan: option '--format <value>' argument missing\n/);
  });
});
