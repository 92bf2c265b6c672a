using Microsoft.AspNetCore.Identity;
using Saas.Host.Accounts.Residents;
using Saas.Kernel.Privacy;

namespace Saas.Host.Accounts.Privacy;

/// <summary>
/// Deletes a resident's account (GDPR Art. 17): every module erases or anonymises its part
/// (<see cref="IPersonalDataContributor.EraseAsync"/>), then the account row goes. Without the
/// row every session of the account fails its next check, on every node. The modules go first
/// so that a failure half-way leaves an account the resident can still sign in to and delete
/// again (every eraser is idempotent).
/// </summary>
internal sealed class AccountDeletion(UserManager<Account> users, IEnumerable<IPersonalDataContributor> contributors, ResidentMails mails)
{
    public async Task<bool> DeleteAsync(Account account, CancellationToken cancellationToken)
    {
        var subject = new PersonalDataSubject(account.Id, account.Email);
        foreach (var contributor in PersonalDataExport.Ordered(contributors))
        {
            await contributor.EraseAsync(subject, cancellationToken);
        }
        var (email, name, culture) = (account.Email, account.DisplayName, account.PreferredCulture);
        if (!(await users.DeleteAsync(account)).Succeeded)
        {
            // The account changed meanwhile (e.g. a password change on another device): the resident tries again.
            return false;
        }
        mails.Deleted(email, name, culture);
        return true;
    }
}
