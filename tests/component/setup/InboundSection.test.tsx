import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderSetup, standIns, withStandIns } from './support';

withStandIns();

const section = async () => {
  await screen.findByTestId('inbound-status');
  return screen.getByTestId('inbound-section');
};

describe('the inbound SMS section of the setup page', () => {
  it('says it is off, what it needs and that earlier texts are not imported, and lists what Install will create', async () => {
    standIns();
    await renderSetup();
    const box = await section();
    expect(within(box).getByTestId('inbound-status')).toHaveAttribute(
      'data-status',
      'not_installed',
    );
    expect(screen.getByText(/earlier texts are not imported/)).toBeVisible();
    expect(screen.getByText(/Suite Growth or above, or Support Professional/)).toBeVisible();
    const plan = within(box).getByTestId('inbound-plan');
    expect(within(plan).getByText('Create Integration Services integration')).toBeVisible();
    expect(within(plan).getByText('Create Job spec')).toBeVisible();
    expect(within(plan).getByText('Create Klaviyo flow “inbound SMS to Zendesk”')).toBeVisible();
    expect(within(box).getByRole('button', { name: 'Install' })).toBeEnabled();
    expect(within(box).queryByRole('button', { name: 'Remove inbound SMS' })).toBeNull();
  });

  it('names the missing plan when Integration Services refuses, changes nothing, and reads again on Try again', async () => {
    const { zis } = standIns();
    zis.registry.available = false;
    await renderSetup();
    const box = screen.getByTestId('inbound-section');
    expect(await within(box).findByText(/Zendesk Integration Services answered 403/)).toBeVisible();
    expect(within(box).queryByRole('button', { name: 'Install' })).toBeNull();
    zis.registry.available = true;
    await userEvent.click(within(box).getByRole('button', { name: 'Try again' }));
    expect(await within(box).findByTestId('inbound-status')).toHaveAttribute(
      'data-status',
      'not_installed',
    );
  });

  it('pauses Install for consent, naming the step done before it, with a button that opens the consent page', async () => {
    standIns();
    const open = jest.spyOn(window, 'open').mockReturnValue(null);
    await renderSetup();
    const box = await section();
    await userEvent.click(within(box).getByRole('button', { name: 'Install' }));
    const consent = await screen.findByTestId('inbound-consent');
    expect(consent).toHaveTextContent('Allow Integration Services to act in Zendesk');
    await userEvent.click(within(consent).getByRole('button', { name: 'Allow access in Zendesk' }));
    expect(open).toHaveBeenCalledWith(
      expect.stringContaining('/api/services/zis/connections/oauth/consent?flow_token='),
      'kfz-zis-consent',
      expect.any(String),
    );
    // A blocked pop-up leaves a link to the same page, and the page keeps waiting.
    expect(await within(consent).findByText(/Your browser blocked the window/)).toBeVisible();
    expect(within(consent).getByRole('link', { name: /Open the consent page/ })).toHaveAttribute(
      'href',
      open.mock.calls[0]![0],
    );
    open.mockRestore();
  });

  it('with two brands, asks which brand each number opens in and refuses a number that is not one', async () => {
    const { zendesk } = standIns();
    const brand = zendesk.brands[0]!;
    (zendesk.brands as unknown as Array<typeof brand>).push({
      ...brand,
      id: 990_001,
      name: 'Outlet',
      default: false,
    });
    await renderSetup();
    const mapping = await screen.findByTestId('inbound-brands');
    await userEvent.click(within(mapping).getByRole('button', { name: 'Add a number' }));
    await userEvent.type(within(mapping).getByLabelText('Klaviyo number 1'), '555-01');
    await userEvent.selectOptions(within(mapping).getByLabelText('Brand for number 1'), 'Outlet');
    await userEvent.click(screen.getByRole('button', { name: 'Install' }));
    expect(
      await within(mapping).findByText(/Number 1: “555-01” is not a phone number/),
    ).toBeVisible();
    expect(screen.queryByTestId('inbound-consent')).toBeNull();
  });
});
