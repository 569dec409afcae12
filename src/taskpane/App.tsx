import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  Title2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";

export interface AppProps {
  /** Office host reported by Office.onReady (e.g. "Excel"), or null outside an Office client. */
  host: string | null;
}

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
  header: {
    display: "flex",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalM,
  },
  logo: {
    width: "40px",
    height: "40px",
  },
});

/** Task pane shell. The analysis flow itself is added by the task pane issue (#5). */
export function App({ host }: AppProps) {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <img className={styles.logo} src="assets/logo-filled.png" alt="" />
        <Title2 as="h1">Optima Achats</Title2>
      </header>
      <Text as="p">
        Analysez les achats de votre collectivité directement dans le classeur : dépenses par
        fournisseur et par famille, marchés à renouveler, seuils de procédure et tableaux de bord
        mensuels.
      </Text>
      {host === null && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>Hors d'Excel</MessageBarTitle>
            Le volet s'exécute en dehors d'Excel (aperçu dans un navigateur) : les données du
            classeur ne sont pas accessibles.
          </MessageBarBody>
        </MessageBar>
      )}
    </main>
  );
}
