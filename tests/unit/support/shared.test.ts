import path from 'node:path';
import { planForShared, sharedDir } from '../../support/shared';

const REPO = path.resolve(__dirname, '..', '..', '..');
const SPEC = 'klaviyo-openapi/stable.json';
const nothingExists = () => false;
const everythingExists = () => true;

describe('suites that read ../shared', () => {
  it('read ../shared beside the repository unless KFZ_SHARED_DIR says otherwise', () => {
    expect(sharedDir({})).toBe(path.resolve(REPO, '..', 'shared'));
    expect(sharedDir({ KFZ_SHARED_DIR: '/data/kfz' })).toBe('/data/kfz');
    expect(sharedDir({ KFZ_SHARED_DIR: 'inputs' })).toBe(path.join(REPO, 'inputs'));
  });

  it('run when every input is there', () => {
    expect(planForShared([SPEC], {}, everythingExists)).toEqual({ kind: 'run' });
  });

  it('fail under CI=true when an input is missing, naming the file and the variable', () => {
    const plan = planForShared([SPEC], { CI: 'true', KFZ_SHARED_DIR: '/nowhere' }, nothingExists);
    expect(plan.kind).toBe('fail');
    expect(plan.kind !== 'run' && plan.message).toContain('/nowhere/klaviyo-openapi/stable.json');
    expect(plan.kind !== 'run' && plan.message).toContain('KFZ_SHARED_DIR');
  });

  it('are skipped with the reason outside CI', () => {
    for (const CI of [undefined, '', 'false', '0']) {
      const plan = planForShared([SPEC], { CI, KFZ_SHARED_DIR: '/nowhere' }, nothingExists);
      expect(plan).toEqual({
        kind: 'skip',
        message: expect.stringContaining('/nowhere/klaviyo-openapi/stable.json'),
      });
    }
  });

  it('name only the inputs that are missing', () => {
    const exists = (file: string) => file.endsWith('stable.json');
    const plan = planForShared([SPEC, 'klaviyo-openapi/README.md'], { CI: '1' }, exists);
    expect(plan.kind !== 'run' && plan.message).toMatch(/README\.md/);
    expect(plan.kind !== 'run' && plan.message).not.toMatch(/stable\.json/);
  });
});
