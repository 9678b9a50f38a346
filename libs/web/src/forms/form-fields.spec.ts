import { answerRows, FieldNode } from './form-fields';

const t = (key: string) => key;
const text = (path: string, label: string, value = ''): FieldNode => ({ kind: 'text', path, id: path, label, required: false, value });
const group = (path: string, label: string, children: FieldNode[]): FieldNode => ({ kind: 'group', path, id: path, label, required: false, children });

describe('answerRows: the check-your-answers list', () => {
  it('a group left wholly empty is one "not given" row under its own label, not one per field', () => {
    const agent = group('agent', 'Agent', [text('agent.name', 'Full name'), text('agent.phone', 'Mobile number')]);
    expect(answerRows([text('name', 'Name', '晋北新材料'), agent], t)).toEqual([
      { label: 'Name', value: '晋北新材料', path: 'name' },
      { label: 'Agent', value: '', path: 'agent' },
    ]);
  });

  it('a group with any answer lists each of its fields, the empty ones too', () => {
    const agent = group('agent', 'Agent', [text('agent.name', 'Full name', '王秀英'), text('agent.phone', 'Mobile number')]);
    expect(answerRows([agent], t)).toEqual([
      { label: 'Agent · Full name', value: '王秀英', path: 'agent.name' },
      { label: 'Agent · Mobile number', value: '', path: 'agent.phone' },
    ]);
  });
});
